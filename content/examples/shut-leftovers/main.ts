import * as asyncio from "asyncio";

async function heartbeat() {
  try {
    while (true) {
      print("beat");
      await asyncio.sleep(0.4);
    }
  } finally {
    print("heartbeat stopped");
  }
}

async function sendReport() {
  try {
    await asyncio.sleep(2);
    print("report sent");
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("report cancelled: never sent");
    throw e;
  }
}

async function main() {
  const beat = asyncio.createTask(() => heartbeat());
  const report = asyncio.createTask(() => sendReport());
  await asyncio.sleep(1);
  const running = [beat, report].filter((t) => !t.done());
  print(`main returns, ${running.length} tasks still running`);
}

asyncio.run(main);
