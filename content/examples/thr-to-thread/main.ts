import * as asyncio from "asyncio";

// seconds until each reply arrives
const LATENCY: Record<string, number> = {
  "/json": 0.4,
  "/uuid": 0.45,
  "/ip": 0.5,
};

async function fetchApiData(url: string) {
  // an aiohttp GET (or fetch): it awaits
  // the reply, so other tasks run meanwhile
  await asyncio.sleep(LATENCY[url] ?? 0);
  return { url, data: { ok: true } };
}

// Runs in a Worker: only its source text and
// its arguments get there, so it uses nothing
// from outside.
function saveToDatabase(_result: object): void {
  // a blocking database write would go here
}

// asyncio.to_thread(fn, ...args) for a call
// that blocks its thread for `seconds`. The
// page's virtual clock cannot see time pass in
// a Worker, so the loop is told how long.
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
  const result = await fetchApiData(url);
  print(`${url}: fetched`);
  // runs in a Worker; this task waits,
  // the loop carries on
  await toThreadFor(0.3, saveToDatabase, result);
  print(`${url}: saved`);
}

async function heartbeat(): Promise<void> {
  const loop = asyncio.getRunningLoop();
  let last = loop.time();
  for (let i = 1; i < 6; i++) {
    await asyncio.sleep(0.3);
    const now = loop.time();
    print(`heartbeat ${i} (${(now - last).toFixed(1)} s gap)`);
    last = now;
  }
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const beat = asyncio.createTask(heartbeat);
  const urls = Object.keys(LATENCY);
  await asyncio.gather(...urls.map((u) => () => process(u)));
  print(`all saved at ${(loop.time() - start).toFixed(1)} s`);
  await beat;
}

asyncio.run(main);
