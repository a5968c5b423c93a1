import * as asyncio from "asyncio";
import * as signal from "signal";
import * as simulated from "simulated";

const buffer: number[] = [];

async function flush() {
  await asyncio.sleep(0.1); // one write to storage
  print(`flushed ${buffer.length} events`);
  buffer.length = 0;
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const stop = new asyncio.Event();
  for (const sig of [signal.SIGINT, signal.SIGTERM]) {
    loop.addSignalHandler(sig, () => stop.set());
  }
  simulated.sendSignal("SIGINT", { at: 2.5 }); // someone stops the service at 2.5 s
  let n = 0;
  while (!stop.isSet()) {
    await asyncio.sleep(0.2); // the next event arrives
    n += 1;
    buffer.push(n);
    if (buffer.length === 5) {
      await flush();
    }
  }
  await flush();
  print("stopped cleanly");
}

asyncio.run(main);
