import * as asyncio from "asyncio";

async function sayAfter(name: string, delay: number) {
  print(`Hello, ${name}`);
  await asyncio.sleep(delay);
  print(`Goodbye, ${name}`);
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  // Pass functions, not started promises: like Python's coroutines, each starts
  // when the loop runs its task, in the order given.
  await asyncio.gather(
    () => sayAfter("Alice", 1),
    () => sayAfter("Bob", 2),
    () => sayAfter("Charlie", 0.5),
  );
  print(`Total time: ${(loop.time() - start).toFixed(3)} seconds`);
}

asyncio.run(main);
