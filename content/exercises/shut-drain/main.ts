import * as asyncio from "asyncio";
import * as signal from "signal";
import * as simulated from "simulated";

// The requests in flight, and how long each still needs (seconds).
const REQUESTS: Record<string, number> = { a: 0.3, b: 0.9, c: 0.5, d: 2.0 };

async function handle(rid: string, seconds: number) {
  try {
    await asyncio.sleep(seconds);
    print(`${rid}: answered`);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(`${rid}: cut off`);
    throw e;
  }
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const stop = new asyncio.Event();
  loop.addSignalHandler(signal.SIGTERM, () => stop.set());
  simulated.sendSignal("SIGTERM", { at: 0.1 });
  const handlers = Object.entries(REQUESTS).map(([rid, s]) =>
    asyncio.createTask(() => handle(rid, s)),
  );

  await stop.wait();
  print("SIGTERM: shutting down");
  for (const task of handlers) {
    task.cancel();
  }
  await asyncio.gather(...handlers, { returnExceptions: true });
  print("bye");
}

asyncio.run(main);
