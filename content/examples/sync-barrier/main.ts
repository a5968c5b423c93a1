import * as asyncio from "asyncio";

async function runner(barrier: asyncio.Barrier, name: string, warmUp: number) {
  await asyncio.sleep(warmUp);
  print(`${name} ready, ${barrier.nWaiting} already waiting`);
  const index = await barrier.wait(); // until all three are here
  print(`${name} goes (arrived ${index})`);
}

async function main() {
  const barrier = new asyncio.Barrier(3);
  await asyncio.TaskGroup.run(async (tg) => {
    tg.createTask(() => runner(barrier, "Ann", 0.5));
    tg.createTask(() => runner(barrier, "Ben", 2.0));
    tg.createTask(() => runner(barrier, "Cat", 1.0));
  });
}

asyncio.run(main);
