import * as asyncio from "asyncio";

async function sayAfterTime(delay: number, what: string): Promise<void> {
  await asyncio.sleep(delay);
  print(what);
}

async function main() {
  const loop = asyncio.getRunningLoop(); // the loop asyncio.run made for us
  print(`started at loop time ${loop.time().toFixed(1)}`);
  await sayAfterTime(1, "hello");
  await sayAfterTime(2, "world");
  print(`finished at loop time ${loop.time().toFixed(1)}`);
}

asyncio.run(main); // new loop, run main as Task-1, close the loop
