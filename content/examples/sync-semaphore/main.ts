import * as asyncio from "asyncio";

const SIZES = new Map([
  [1, 1.0],
  [2, 0.4],
  [3, 1.5],
  [4, 0.8],
  [5, 0.9],
  [6, 0.5],
  [7, 0.7],
]);

async function download(sem: asyncio.Semaphore, n: number) {
  {
    await using _ = await sem.hold(); // wait for one of the three slots
    print(`file ${n}: start`);
    await asyncio.sleep(SIZES.get(n)!);
    print(`file ${n}: done`);
  }
  // leaving the block gave the slot to the next waiter
}

async function main() {
  const sem = new asyncio.Semaphore(3);
  await asyncio.TaskGroup.run(async (tg) => {
    for (const n of SIZES.keys()) {
      tg.createTask(() => download(sem, n));
    }
  });
  print("all downloaded");
}

asyncio.run(main);
