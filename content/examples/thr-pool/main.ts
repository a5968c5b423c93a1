import * as asyncio from "asyncio";

// Runs in a Worker: self-contained.
function readReport(name: string): string {
  // a blocking call would go here
  return `report ${name}`;
}

// asyncio.to_thread for a call that blocks
// its thread for `seconds` (the virtual clock
// cannot see a Worker's time: it is told).
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

// ThreadPoolExecutor(max_workers=size) as
// Workers: a job waits for a free one.
class WorkerPool {
  readonly #free: asyncio.Semaphore;
  constructor(size: number) {
    this.#free = new asyncio.Semaphore(size);
  }
  async run<A extends unknown[], R>(
    seconds: number,
    fn: (...args: A) => R,
    ...args: A
  ): Promise<Awaited<R>> {
    await this.#free.acquire();
    try {
      return await toThreadFor(seconds, fn, ...args);
    } finally {
      this.#free.release();
    }
  }
}

async function fetch(pool: WorkerPool, name: string) {
  print(`submit ${name}`);
  const report = await pool.run(0.3, readReport, name);
  print(`got ${report}`);
  return report;
}

async function main(): Promise<void> {
  // two Workers: two blocking calls at a time
  const pool = new WorkerPool(2);
  const jobs = [..."ABCD"].map((name) => () => fetch(pool, name));
  const reports = await asyncio.gather(...jobs);
  print(`all ${reports.length} reports in`);
}

asyncio.run(main);
