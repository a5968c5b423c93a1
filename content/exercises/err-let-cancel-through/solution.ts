import * as asyncio from "asyncio";

async function worker() {
  for (let job = 1; job <= 10; job++) {
    try {
      await asyncio.sleep(0.5);
      if (job === 2) throw new asyncio.ValueError("bad input");
      print(`job ${job} done`);
    } catch (e) {
      // Python's `except Exception` lets CancelledError through; JavaScript
      // catches everything, so rethrow it.
      if (e instanceof asyncio.CancelledError) throw e;
      print(`job ${job} failed: ${(e as Error).name}, going on`);
    }
  }
  print("worker: all jobs done");
}

async function main() {
  const task = asyncio.createTask(worker, { name: "worker" });
  await asyncio.sleep(1.2);
  task.cancel();
  try {
    await task;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("worker stopped");
  }
}

asyncio.run(main);
