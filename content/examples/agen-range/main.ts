import * as asyncio from "asyncio";

// async function* is JavaScript's async generator: it may both await and yield.
async function* asyncGenerator() {
  for (let i = 0; i < 5; i++) {
    await asyncio.sleep(1); // stands in for an asynchronous operation
    yield i;
  }
}

async function main() {
  for await (const value of asyncGenerator()) {
    print(value);
  }
}

asyncio.run(main);
