import * as asyncio from "asyncio";

async function fetch(name: string, delay: number) {
  await asyncio.sleep(delay);
  return `${name} after ${delay}s`;
}

async function main() {
  const tasks = [
    asyncio.createTask(() => fetch("A", 2)),
    asyncio.createTask(() => fetch("B", 1)),
    asyncio.createTask(() => fetch("C", 3)),
  ];
  // Each item is an awaitable for "the next one to finish".
  for (const nextDone of asyncio.asCompleted(tasks)) {
    print("got", await nextDone);
  }
}

asyncio.run(main);
