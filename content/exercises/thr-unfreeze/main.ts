import * as asyncio from "asyncio";

// What a read computes, written so that a Worker can run it:
// self-contained (no asyncio, nothing from outside).
function countLines(name: string): string {
  return `${name}: 120 lines`;
}

// A blocking read, like Python's open(path).read() on a slow
// network drive: 1 s of waiting that holds the whole loop
// (blockingSleep is Python's time.sleep), then the work.
function readFile(name: string): string {
  asyncio.blockingSleep(1);
  return countLines(name);
}

// asyncio.to_thread(fn, ...args) for a call that blocks its
// thread for `seconds`: fn runs in a Worker, and the loop is
// told how long the call takes (the page's virtual clock
// cannot see time pass in a Worker). Exported only so that
// it does not count as unused until you call it.
export async function toThreadFor<A extends unknown[], R>(
  seconds: number,
  fn: (...args: A) => R,
  ...args: A
): Promise<Awaited<R>> {
  const loop = asyncio.getRunningLoop();
  const done = loop.runInExecutor(null, fn, ...args);
  await asyncio.sleep(seconds);
  return await done;
}

async function load(name: string): Promise<void> {
  const text = readFile(name);
  print(text);
}

async function spinner(): Promise<void> {
  for (let i = 1; ; i++) {
    await asyncio.sleep(0.3);
    print(`spinner ${i}`);
  }
}

async function main(): Promise<void> {
  const spin = asyncio.createTask(spinner);
  await asyncio.gather(
    () => load("a.txt"),
    () => load("b.txt"),
    () => load("c.txt"),
  );
  spin.cancel();
}

asyncio.run(main);
