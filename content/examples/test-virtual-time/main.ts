import * as asyncio from "asyncio";
import * as testrun from "testrun";
import { IsolatedAsyncioTestCase } from "unittest";
import { AsyncMock } from "unittest.mock";

/** Gives up on a slow server after `deadline` seconds. */
async function fetchOrNone(client: AsyncMock<"get">, url: string, deadline = 30) {
  try {
    return await asyncio.timeout(deadline, () => client.get(url));
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) return null;
    throw e;
  }
}

/** Sends jobs until it is cancelled; closes its connection however it ends. */
async function worker(jobs: asyncio.Queue<string>, conn: AsyncMock<"send" | "close">) {
  try {
    while (true) {
      const job = await jobs.get();
      await conn.send(job);
    }
  } finally {
    await conn.close();
  }
}

class DeadlineTests extends IsolatedAsyncioTestCase {
  async test_gives_up_after_30_seconds() {
    const hang = async (_url: string) => {
      await asyncio.sleep(3600);
    };
    const client = new AsyncMock<"get">();
    client.get.sideEffect = hang;
    const loop = asyncio.getRunningLoop();
    const start = loop.time();
    this.assertIsNone(await fetchOrNone(client, "/slow"));
    this.assertEqual(loop.time() - start, 30);
    print(`gave up after ${(loop.time() - start).toFixed(1)} s of loop time`);
  }

  async test_cancel_closes_the_connection() {
    const jobs = new asyncio.Queue<string>();
    const conn = new AsyncMock<"send" | "close">();
    const task = asyncio.createTask(() => worker(jobs, conn));
    jobs.putNowait("a");
    await asyncio.sleep(0.1); // it sends "a", then waits for the next job
    task.cancel();
    await this.assertRaises(asyncio.CancelledError, () => task); // let it finish
    conn.send.assertAwaitedOnceWith("a");
    conn.close.assertAwaitedOnce();
    print("cancelled, and the connection is closed");
  }
}

await testrun.run(DeadlineTests);
