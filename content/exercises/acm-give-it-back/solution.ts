import * as asyncio from "asyncio";

// A pool of two database connections.
class Pool {
  free = 2;

  // Resolves to a handle whose disposal gives the connection back, like the
  // value `async with pool.connection():` would manage in Python.
  async acquire(job: string): Promise<AsyncDisposable> {
    await asyncio.sleep(0.1); // connecting
    this.free -= 1;
    print(`${job}: took a connection (${this.free} free)`);
    return { [Symbol.asyncDispose]: async () => this.release(job) };
  }

  release(job: string): void {
    this.free += 1;
    print(`${job}: gave it back (${this.free} free)`);
  }
}

async function job(pool: Pool, name: string, fails: boolean): Promise<void> {
  // Given back however we leave.
  await using _connection = await pool.acquire(name);
  await asyncio.sleep(0.5); // the query
  if (fails) throw new asyncio.ValueError(`${name} hit a bad row`);
}

async function main(): Promise<void> {
  const pool = new Pool();
  for (const [name, fails] of [
    ["a", false],
    ["b", true],
    ["c", false],
  ] as const) {
    try {
      await job(pool, name, fails);
    } catch (e) {
      if (!(e instanceof asyncio.ValueError)) throw e;
      print(`main: ${e.message}`);
    }
  }
  print(`free at the end: ${pool.free}`);
}

asyncio.run(main);
