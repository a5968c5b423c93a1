import * as asyncio from "asyncio";

async function heartbeat() {
  for (;;) {
    print("beat");
    await asyncio.sleep(1);
  }
}

async function saveReport() {
  print("saving report");
  await asyncio.sleep(5); // would finish at 5 s: the loop is closed long before
  print("report saved");
}

// Old-style code that runs its own loop instead of asyncio.run(): nothing
// cancels or finishes the tasks still pending when the loop stops.
const loop = asyncio.newEventLoop();
loop.createTask(heartbeat);
loop.createTask(saveReport);
loop.callLater(2.5, () => loop.stop());
await loop.runForever();
print("loop stopped");
loop.close();
