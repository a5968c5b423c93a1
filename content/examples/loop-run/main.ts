import * as asyncio from "asyncio";

async function sayAfterTime(delay: number, what: string): Promise<void> {
  await asyncio.sleep(delay);
  print(what);
}

async function main() {
  // the loop asyncio.run made for us
  const loop = asyncio.getRunningLoop();
  print(`loop.time() = ${loop.time().toFixed(1)}`);
  await sayAfterTime(1, "hello");
  await sayAfterTime(2, "world");
  print(`loop.time() = ${loop.time().toFixed(1)}`);
}

// new loop; main as Task-1; close
asyncio.run(main);
