import * as asyncio from "asyncio";

// How long the server takes for each of the ten requests.
const SERVER = [0.12, 0.31, 0.18, 0.25, 0.44, 0.15, 0.22, 0.9, 0.28, 0.19];

async function request(sem: asyncio.Semaphore, seconds: number): Promise<number> {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  await using _slot = await sem.hold();
  await asyncio.sleep(seconds); // the request
  return loop.time() - start;
}

function p90(values: number[]) {
  const ordered = [...values].sort((a, b) => a - b);
  return ordered[Math.floor(0.9 * ordered.length)]!;
}

async function main() {
  const sem = new asyncio.Semaphore(2);
  const latencies = await asyncio.gather(...SERVER.map((s) => () => request(sem, s)));
  print(`p90 ${p90(latencies).toFixed(3)}s`);
}

asyncio.run(main);
