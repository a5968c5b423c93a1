import * as asyncio from "asyncio";

async function sayAfterTime(delay: number, what: string): Promise<void> {
  await asyncio.sleep(delay);
  print(what);
}

async function main() {
  // the loop asyncio.run made for us, and its clock
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  await sayAfterTime(1, "hello");
  await sayAfterTime(2, "world");
  print(`took ${(loop.time() - start).toFixed(1)} s`);
}

// new loop; main as Task-1; close
asyncio.run(main);
