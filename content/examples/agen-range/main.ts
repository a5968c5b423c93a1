import * as asyncio from "asyncio";

// async function* is JavaScript's async generator: it may both await and yield.
async function* asyncGenerator() {
  for (let i = 0; i < 5; i++) {
    // Stands in for an asynchronous operation.
    await asyncio.sleep(1);
    yield i;
  }
}

async function main() {
  for await (const value of asyncGenerator()) {
    print(value);
  }
}

asyncio.run(main);
