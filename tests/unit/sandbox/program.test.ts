/**
 * A program runs as the page runs it: at Instant, every loop it starts reads one virtual clock,
 * as CPython's loops all read the process's monotonic clock (and the recorder's virtual one).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileReader } from "../../../scripts/lib/compile-reader.ts";
import { FreshWorkerPool } from "../../../scripts/lib/fresh-worker-pool.ts";
import { dedent, hasPython, python } from "../runtime/helpers.ts";

const PYTHON = dedent(`
  import asyncio

  async def main(n):
      await asyncio.sleep(1.5)
      print("run", n, asyncio.current_task().get_name())

  asyncio.run(main(1))
  print("between runs")
  with asyncio.Runner() as runner:
      runner.run(main(2))
      print("inside the runner, between its runs")
      runner.run(main(3))
  print("after")
`);

const TYPESCRIPT = dedent(`
  import * as asyncio from "asyncio";

  async function main(n: number) {
    await asyncio.sleep(1.5);
    print("run", n, asyncio.currentTask()?.getName());
  }

  await asyncio.run(() => main(1));
  print("between runs");
  {
    await using runner = new asyncio.Runner();
    await runner.run(() => main(2));
    print("inside the runner, between its runs");
    await runner.run(() => main(3));
  }
  print("after");
`);

test("a second loop's clock starts where the last one ended, and lines between loops carry that time", async (t) => {
  const run = await new FreshWorkerPool(1).run(await compileReader(TYPESCRIPT));
  assert.equal(run.end.status, "finished", run.end.error?.message);
  assert.match(run.transcript, /^\[t=3\.000 Task-4\] run 2 Task-4$/m);
  assert.match(run.transcript, /^\[t=4\.500\] after$/m);
  if (!hasPython()) {
    t.diagnostic("python3 >= 3.11 not found: not compared with CPython");
    return;
  }
  assert.equal(run.transcript, await python(PYTHON));
});
