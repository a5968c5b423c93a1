import * as asyncio from "asyncio";

async function worker(sem: asyncio.Semaphore, name: string) {
  await using _ = await sem.hold();
  print(`${name} in`);
  await asyncio.sleep(1);
  print(`${name} out`);
}

async function main() {
  for (const kind of [asyncio.Semaphore, asyncio.BoundedSemaphore]) {
    const sem = new kind(1); // one worker at a time
    try {
      sem.release(); // a bug: a release with no acquire
      print(`${kind.name}: extra release accepted`);
    } catch (e) {
      if (!(e instanceof asyncio.ValueError)) throw e;
      print(`${kind.name}: ${e.message}`);
    }
    await asyncio.gather(
      () => worker(sem, "a"),
      () => worker(sem, "b"),
    );
  }
}

asyncio.run(main);
