import * as asyncio from "asyncio";

async function myCoroutine(): Promise<string> {
  print("Coroutine started");
  await asyncio.sleep(1); // pause here; the loop is free to run other work
  print("Coroutine resumed");
  return "Result";
}

async function main() {
  const result = await myCoroutine();
  print(`Result: ${result}`);
}

asyncio.run(main);
