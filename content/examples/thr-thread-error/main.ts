import * as asyncio from "asyncio";

// seconds each save blocks its thread
const SAVE_TIME: Record<string, number> = {
  "/json": 0.2,
  "/uuid": 0.3,
  "/ip": 0.4,
};

// Runs in a Worker: self-contained.
function saveToDatabase(url: string): number {
  // a blocking database write would go here
  if (url === "/ip") {
    const e = new Error("database is locked");
    e.name = "OperationalError";
    throw e;
  }
  return 1;
}

// asyncio.to_thread for a call that blocks
// its thread for `seconds` (the virtual clock
// cannot see a Worker's time: it is told).
async function toThreadFor<A extends unknown[], R>(
  seconds: number,
  fn: (...args: A) => R,
  ...args: A
): Promise<Awaited<R>> {
  const loop = asyncio.getRunningLoop();
  const done = loop.runInExecutor(null, fn, ...args);
  await asyncio.sleep(seconds);
  return await done;
}

async function process(url: string): Promise<void> {
  const seconds = SAVE_TIME[url] ?? 0;
  let rows: number;
  try {
    rows = await toThreadFor(seconds, saveToDatabase, url);
  } catch (e) {
    // thrown in the Worker, rethrown at the await
    const locked = e instanceof asyncio.ThreadError && e.name === "OperationalError";
    if (!locked) throw e;
    print(`${url}: ${e.name}: ${e.message}`);
    return;
  }
  print(`${url}: saved ${rows} row`);
}

async function main(): Promise<void> {
  const urls = Object.keys(SAVE_TIME);
  await asyncio.gather(...urls.map((u) => () => process(u)));
  print("every task got its answer");
}

asyncio.run(main);
