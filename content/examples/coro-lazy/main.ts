import * as asyncio from "asyncio";

async function myCoroutine(): Promise<string> {
  print("Coroutine started");
  await asyncio.sleep(1);
  print("Coroutine resumed");
  return "Result";
}

async function main() {
  // Calling myCoroutine() here would start it at once: JS async functions are eager.
  // asyncio.Lazy keeps the call for later, like a Python coroutine object.
  const coro = new asyncio.Lazy(() => myCoroutine());
  print("Made coroutine object");
  await asyncio.sleep(0.5);
  print("Awaiting it now");
  // the body starts here
  const result = await coro;
  print(`Result: ${result}`);
}

asyncio.run(main);
