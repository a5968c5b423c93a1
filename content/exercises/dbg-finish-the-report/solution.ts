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

async function main() {
  const beat = asyncio.createTask(heartbeat);
  await saveReport(); // as long as it takes
  beat.cancel();
}

asyncio.run(main);
