import * as asyncio from "asyncio";

async function heartbeat() {
  for (;;) {
    print("beat");
    await asyncio.sleep(1);
  }
}

async function saveReport() {
  print("saving report");
  await asyncio.sleep(2.5);
  print("report saved");
}

const loop = asyncio.newEventLoop();
loop.createTask(heartbeat);
loop.createTask(saveReport);
loop.callLater(2, () => loop.stop()); // guessed: "the report takes about 2 s"
await loop.runForever();
loop.close();
