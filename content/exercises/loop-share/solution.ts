import * as asyncio from "asyncio";

// 0.2 s of number crunching. Like any CPU loop it never awaits, so while it runs nothing else
// can (blockingSleep stands in for the CPU time: the loop is held, as in a real loop).
function crunchBlock(): void {
  asyncio.blockingSleep(0.2);
}

async function crunch(): Promise<void> {
  for (let block = 1; block <= 5; block++) {
    crunchBlock();
    print(`crunch: block ${block} of 5`);
    await asyncio.sleep(0); // a turn for the other tasks between blocks
  }
  print("crunch: done");
}

async function spinner(): Promise<void> {
  for (let i = 1; i <= 4; i++) {
    print(`spinner: still responsive (${i})`);
    await asyncio.sleep(0.25);
  }
}

async function main(): Promise<void> {
  await asyncio.gather(
    () => crunch(),
    () => spinner(),
  );
}

asyncio.run(main);
