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
  // await gives back the return value
  const message = await exampleCoroutine();
  print(message);
  // starts when the line above is done
  const greeting = await greetAsync("Alice");
  print(greeting);
  print(`Both took ${(loop.time() - start).toFixed(1)} s`);
}

asyncio.run(main);
