import * as asyncio from "asyncio";

class ConnectionError extends Error {
  override name = "ConnectionError";
}

async function connect(host: string): Promise<AsyncDisposable & { host: string }> {
  await asyncio.sleep(0.1); // connecting
  if (host === "db3") throw new ConnectionError(`${host} refused the connection`);
  print(`connected to ${host}`);
  return {
    host,
    async [Symbol.asyncDispose]() {
      await asyncio.sleep(0.1); // a polite goodbye
      print(`disconnected from ${host}`);
    },
  };
}

async function queryAll(hosts: string[]) {
  {
    await using stack = new AsyncDisposableStack();
    const conns: string[] = [];
    for (const host of hosts) conns.push(stack.use(await connect(host)).host);
    print(`querying ${conns.join(", ")}`);
    await asyncio.sleep(0.5);
  } // the stack disposes what it holds, last in, first out
  print("all closed");
}

async function main() {
  await queryAll(["db1", "db2"]);
  try {
    await queryAll(["db1", "db2", "db3"]);
  } catch (e) {
    if (!(e instanceof ConnectionError)) throw e;
    print(`failed: ${e.message}`);
  }
}

asyncio.run(main);
