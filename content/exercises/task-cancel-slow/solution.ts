import * as asyncio from "asyncio";

// Looks up a price; the finally block runs however the lookup ends.
async function lookup(source: string, seconds: number): Promise<string> {
  try {
    await asyncio.sleep(seconds);
    return `${source}: price is 42`;
  } finally {
    print(`${source}: connection closed`);
  }
}

async function main() {
  const cache = asyncio.createTask(() => lookup("cache", 0.3), { name: "cache" });
  const database = asyncio.createTask(() => lookup("database", 5), { name: "database" });
  print(await cache);
  // The cache answered: cancel the database lookup, then wait for it to finish cancelling,
  // so its finally block has closed the connection before we go on.
  database.cancel();
  try {
    await database;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
  }
  print("done");
}

asyncio.run(main);
