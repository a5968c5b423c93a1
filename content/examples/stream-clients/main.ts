import * as asyncio from "asyncio";

async function handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  const name = (await reader.readline()).decode().trim();
  print(`server: ${name} joined`);
  for await (const line of reader) {
    // one line at a time, until the client closes
    writer.write(`${name} said ${line.decode().trim()}\n`);
    await writer.drain();
  }
  print(`server: ${name} left`);
  writer.close();
  await writer.waitClosed();
}

async function client(name: string, messages: string[], pause: number) {
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", 8888);
  writer.write(`${name}\n`);
  for (const text of messages) {
    await asyncio.sleep(pause);
    writer.write(`${text}\n`);
    await writer.drain();
    const reply = await reader.readline();
    print(`${name}: ${reply.decode().trim()}`);
  }
  writer.close();
  await writer.waitClosed();
}

async function main() {
  await using _server = await asyncio.startServer(handle, "127.0.0.1", 8888);
  await asyncio.TaskGroup.run(async (tg) => {
    tg.createTask(() => client("ann", ["hi", "bye"], 0.25));
    tg.createTask(() => client("bob", ["yo", "ok", "bye"], 0.15));
    tg.createTask(() => client("cy", ["hey"], 0.4));
  });
  await asyncio.sleep(0.1); // the last "left" reaches the server 10 ms later
}

asyncio.run(main);
