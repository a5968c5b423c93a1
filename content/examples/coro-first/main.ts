import * as asyncio from "asyncio";

async function myCoroutine(): Promise<string> {
  print("Coroutine started");
  // pauses here; the loop may run other work
  await asyncio.sleep(1);
  print("Coroutine resumed");
  return "Result";
}

async function main() {
  const result = await myCoroutine();
  print(`Result: ${result}`);
}

asyncio.run(main);
