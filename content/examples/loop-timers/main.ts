import * as asyncio from "asyncio";

async function sayHello(name: string, delay: number): Promise<void> {
  const loop = asyncio.getRunningLoop();
  print(`Hello ${name} at ${loop.time().toFixed(1)}`);
  // sets a timer, yields to the loop
  await asyncio.sleep(delay);
  print(`Goodbye ${name} at ${loop.time().toFixed(1)}`);
}

async function main() {
  await asyncio.gather(
    () => sayHello("Alice", 1),
    () => sayHello("Bob", 2),
    () => sayHello("Charlie", 0.5),
  );
}

asyncio.run(main);
