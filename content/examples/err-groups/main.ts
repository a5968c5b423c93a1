import * as asyncio from "asyncio";

class ConnectionError extends Error {}

async function fetch(name: string, delay: number, error?: Error) {
  await asyncio.sleep(delay);
  if (error) throw error;
  return `${name} ok`;
}

function jobs() {
  return [
    () => fetch("users", 0.5),
    () => fetch("orders", 0.2, new ConnectionError("orders: reset")),
    () => fetch("prices", 0.2, new asyncio.ValueError("prices: bad JSON")),
    () => fetch("stock", 1.0),
  ];
}

async function main() {
  // gather with returnExceptions: every outcome, side by side
  const results = await asyncio.gather(...jobs(), { returnExceptions: true });
  for (const result of results) {
    print("gather:", asyncio.pyRepr(result));
  }

  // TaskGroup: the first failure cancels the rest; except* sorts by type
  try {
    await asyncio.TaskGroup.run(async (tg) => {
      for (const job of jobs()) {
        tg.createTask(job);
      }
    });
  } catch (e) {
    if (!(e instanceof asyncio.ExceptionGroup)) throw e;
    // no except* in JavaScript: split the group's members by type
    for (const exc of e.exceptions) {
      if (exc instanceof ConnectionError) print("network, will retry:", exc.message);
    }
    for (const exc of e.exceptions) {
      if (exc instanceof asyncio.ValueError) print("bug, reported:", exc.message);
    }
    const rest = e.exceptions.filter(
      (exc) => !(exc instanceof ConnectionError || exc instanceof asyncio.ValueError),
    );
    if (rest.length > 0) throw new asyncio.ExceptionGroup(e.groupMessage, rest);
  }
}

asyncio.run(main);
