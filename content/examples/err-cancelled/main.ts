import * as asyncio from "asyncio";

async function worker() {
  try {
    for (let job = 1; job < 10; job++) {
      try {
        await asyncio.sleep(0.5); // a job
        if (job === 2) throw new asyncio.ValueError("job 2 failed");
        print(`good: job ${job} done`);
      } catch (e) {
        // JavaScript catches everything: let the cancellation through
        if (e instanceof asyncio.CancelledError) throw e;
        print(`good: ${(e as Error).message}, going on`);
      }
    }
  } finally {
    print("good: cleaning up");
  }
}

async function swallowingWorker() {
  for (let job = 1; job < 5; job++) {
    try {
      await asyncio.sleep(0.5); // a job
      print(`bad: job ${job} done`);
    } catch (e) {
      // wrong: catches the cancellation too
      print(`bad: swallowed ${(e as Error).name}`);
    }
  }
}

async function main() {
  const good = asyncio.createTask(worker);
  const bad = asyncio.createTask(swallowingWorker);
  await asyncio.sleep(1.2);
  print("main: cancel both");
  good.cancel();
  bad.cancel();
  await asyncio.wait([good, bad]);
  print("good cancelled:", good.cancelled());
  print("bad cancelled:", bad.cancelled());
}

asyncio.run(main);
