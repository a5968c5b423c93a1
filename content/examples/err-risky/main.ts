import * as asyncio from "asyncio";

async function riskyOperation(): Promise<never> {
  // Assume this is an asynchronous operation that may raise
  await asyncio.sleep(1);
  throw new asyncio.ValueError("Something went wrong!");
}

async function main() {
  try {
    await riskyOperation();
  } catch (e) {
    // `except ValueError` catches only ValueError: test, and rethrow the rest
    if (!(e instanceof asyncio.ValueError)) throw e;
    print(`Caught an exception: ${e.message}`);
  }
}

asyncio.run(main);
