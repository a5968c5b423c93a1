import * as asyncio from "asyncio";

async function worker() {
  print("worker: started, waiting for data");
  try {
    await asyncio.sleep(10);
    print("worker: got the data"); // never printed
  } catch (e) {
    if (e instanceof asyncio.CancelledError) {
      print(`worker: CancelledError at the await: ${e.message}`);
    }
    throw e; // let the cancellation finish the task
  } finally {
    print("worker: closing the connection (finally)");
  }
}

async function main() {
  const task = asyncio.createTask(() => worker());
  await asyncio.sleep(1);
  print("main: cancel() returned", task.cancel("user pressed stop"));
  print("main: done right after cancel()?", task.done());
  try {
    await task;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("main: task cancelled?", task.cancelled());
  }
}

asyncio.run(main);
