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
  // The loop runs remind in 1.25 s, as a plain callback, while main gets on with the work.
  const loop = asyncio.getRunningLoop();
  loop.callLater(1.25, remind, "stand up and stretch");
  await work();
}

asyncio.run(main);
