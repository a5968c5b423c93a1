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

function saveToDatabase(_result: object): void {
  // stands in for sqlite3: connect, INSERT,
  // commit. Blocking: the loop stops here.
  asyncio.blockingSleep(0.3);
}

async function process(url: string): Promise<void> {
  const result = await fetchApiData(url);
  print(`${url}: fetched`);
  saveToDatabase(result);
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
