import * as asyncio from "asyncio";

async function exampleCoroutine(): Promise<string> {
  await asyncio.sleep(1);
  return "Hello, Async!";
}

async function greetAsync(name: string): Promise<string> {
  await asyncio.sleep(1);
  return `Hello, ${name}!`;
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const message = await exampleCoroutine(); // await gives the function's return value
  print(message);
  const greeting = await greetAsync("Alice"); // starts only after the line above is done
  print(greeting);
  print(`Both took ${(loop.time() - start).toFixed(1)} s`);
}

asyncio.run(main);
