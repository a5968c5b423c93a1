import * as asyncio from "asyncio";

function remind(what: string): void {
  print(`reminder: ${what}`);
}

async function work(): Promise<void> {
  for (let step = 1; step <= 4; step++) {
    await asyncio.sleep(0.5); // a chunk of the real work
    print(`work: step ${step} of 4`);
  }
}

async function main(): Promise<void> {
  // Wait for the reminder's time, then start working: all the work is 1.25 s late.
  await asyncio.sleep(1.25);
  remind("stand up and stretch");
  await work();
}

asyncio.run(main);
