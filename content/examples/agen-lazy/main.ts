import * as asyncio from "asyncio";

async function* ticker(n: number) {
  print("ticker: started");
  for (let i = 1; i <= n; i++) {
    await asyncio.sleep(1);
    print(`ticker: yielding ${i}`);
    yield i;
    print(`ticker: resumed after ${i}`);
  }
  print("ticker: finished");
}

async function main() {
  const gen = ticker(2); // runs nothing yet, in JavaScript too
  print("main: generator made");
  await asyncio.sleep(0.5);
  for await (const i of gen) {
    print(`main: got ${i}`);
    await asyncio.sleep(0.5); // the consumer's own work
  }
  print("main: done");
}

asyncio.run(main);
