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
  // The cache answered, so the database lookup is no longer needed... but this waits for it.
  await database;
  print("done");
}

asyncio.run(main);
