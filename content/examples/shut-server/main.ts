import * as asyncio from "asyncio";
import * as signal from "signal";
import * as simulated from "simulated";

// When each client connects (seconds) and how long its request takes to answer.
const ARRIVALS = [
  [0.0, 0.5],
  [0.3, 2.5],
  [0.6, 0.8],
  [0.9, 3.0],
  [1.2, 0.4],
  [1.5, 0.5],
] as const;
const handlers: asyncio.Task<void>[] = [];

async function handle(n: number, seconds: number) {
  print(`request ${n}: needs ${seconds.toFixed(1)} s`);
  try {
    await asyncio.sleep(seconds);
    print(`request ${n}: answered`);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(`request ${n}: cut off`);
    throw e;
  }
}

async function acceptLoop() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time(); // loop.time() counts from an arbitrary point
  for (const [i, [at, seconds]] of ARRIVALS.entries()) {
    await asyncio.sleep(start + at - loop.time()); // wait for the next client
    handlers.push(asyncio.createTask(() => handle(i + 1, seconds)));
  }
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const stop = new asyncio.Event();
  loop.addSignalHandler(signal.SIGTERM, () => stop.set());
  simulated.sendSignal("SIGTERM", { at: 1.0 });

  const accepting = asyncio.createTask(() => acceptLoop());
  await stop.wait();
  accepting.cancel(); // 1. stop accepting
  const inFlight = handlers.filter((t) => !t.done());
  print(`SIGTERM: closed to new clients, ${inFlight.length} requests in flight`);
  // 2. drain, 1 s at most
  const { done, pending } = await asyncio.wait(inFlight, { timeout: 1.0 });
  for (const task of pending) {
    task.cancel(); // 3. cancel the rest
  }
  await asyncio.gather(...pending, { returnExceptions: true });
  print(`${done.size} drained, ${pending.size} cut off`);
}

asyncio.run(main);
