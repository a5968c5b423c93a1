import * as asyncio from "asyncio";

async function sayHello(name: string, delay: number, start: number): Promise<void> {
  const loop = asyncio.getRunningLoop();
  print(`Hello ${name} at ${(loop.time() - start).toFixed(1)}`);
  // sets a timer, yields to the loop
  await asyncio.sleep(delay);
  print(`Goodbye ${name} at ${(loop.time() - start).toFixed(1)}`);
}

async function main() {
  const start = asyncio.getRunningLoop().time();
  await asyncio.gather(
    () => sayHello("Alice", 1, start),
    () => sayHello("Bob", 2, start),
    () => sayHello("Charlie", 0.5, start),
  );
}

asyncio.run(main);
