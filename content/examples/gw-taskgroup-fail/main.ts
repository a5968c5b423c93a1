import * as asyncio from "asyncio";

class ConnectionError extends Error {}

async function fetch(name: string, delay: number, fail = false) {
  try {
    await asyncio.sleep(delay);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(`${name}: cancelled`);
    throw e;
  }
  if (fail) throw new ConnectionError(`${name}: connection reset`);
  print(`${name}: done`);
  return `${name} data`;
}

async function main() {
  try {
    await asyncio.TaskGroup.run(async (tg) => {
      tg.createTask(() => fetch("users", 1));
      tg.createTask(() => fetch("orders", 0.5, true));
      tg.createTask(() => fetch("stock", 2));
    });
    print("never printed");
  } catch (e) {
    // except* ConnectionError: JavaScript has no except*; test the group's members.
    if (!(e instanceof asyncio.ExceptionGroup)) throw e;
    if (!e.exceptions.every((exc) => exc instanceof ConnectionError)) throw e;
    print(`caught ${asyncio.pyRepr(e)}`);
    for (const exc of e.exceptions) {
      print("  failed:", (exc as ConnectionError).message);
    }
  }
}

asyncio.run(main);
