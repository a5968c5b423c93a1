import * as asyncio from "asyncio";

// What a report query returns, written so that a Worker can
// run it: self-contained (no asyncio, nothing from outside).
function readReport(name: string): string {
  return `report ${name}: 12 rows`;
}

// asyncio.to_thread(fn, ...args) for a call that blocks its
// thread for `seconds`: fn runs in a Worker, and the loop is
// told how long the call takes (the page's virtual clock
// cannot see time pass in a Worker).
async function toThreadFor<A extends unknown[], R>(
  seconds: number,
  fn: (...args: A) => R,
  ...args: A
): Promise<Awaited<R>> {
  const loop = asyncio.getRunningLoop();
  const done = loop.runInExecutor(null, fn, ...args);
  await asyncio.sleep(seconds);
  return await done;
}

// Each query blocks its thread for 0.3 s, and the database
// takes at most two connections from this program: like
// ThreadPoolExecutor(max_workers=2), two Workers at a time.
const workers = new asyncio.Semaphore(2);

async function fetch(name: string): Promise<void> {
  await workers.acquire();
  try {
    const report = await toThreadFor(0.3, readReport, name);
    print(report);
  } finally {
    workers.release();
  }
}

async function main(): Promise<void> {
  await asyncio.gather(...[..."ABCDEF"].map((name) => () => fetch(name)));
}

asyncio.run(main);
