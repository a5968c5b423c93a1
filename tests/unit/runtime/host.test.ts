import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { record } from "./helpers.ts";

const { print, host } = asyncio;

test("a task awaiting a truly foreign promise is suspended on 'foreign'; its continuation stays its own", async () => {
  const r = await record(async () => {
    const t1 = asyncio.createTask(async () => {
      // Settled by the host's event loop after the runtime's watchdog (both setImmediate, FIFO).
      await new Promise((res) => setImmediate(() => setImmediate(res)));
      print("foreign done");
      await asyncio.sleep(1);
      print("slept");
    });
    await t1;
  });
  const suspended = r.events
    .filter((e) => e.type === "suspended" && e.task === 2)
    .map((e) => (e.type === "suspended" ? e.on : ""));
  assert.deepEqual(suspended, ["foreign", "sleep(1)"]);
  assert.equal(r.transcript, "[t=0.000 Task-2] foreign done\n[t=1.000 Task-2] slept\n");
});

test("plain JS inside tasks: Promise.resolve, Promise.all, async generators, for await", async () => {
  const r = await record(async () => {
    async function* gen() {
      for (let i = 0; i < 3; i++) {
        await asyncio.sleep(1);
        yield i;
      }
    }
    await Promise.resolve();
    const got: number[] = [];
    for await (const x of gen()) got.push(x);
    const [a, b] = await Promise.all([asyncio.sleep(1, "a"), (async () => "b")()]);
    print(got, a, b);
  });
  assert.equal(r.transcript, "[t=4.000 Task-1] [0, 1, 2] a b\n");
});

test("configure: onRunEnd reports failures; contextTask is the running task", async () => {
  const ends: asyncio.RunEnd[] = [];
  let ctx: string | undefined;
  const r = await record(
    async () => {
      ctx = host.contextTask()?.getName();
      await asyncio.sleep(1);
      throw new asyncio.KeyError("k");
    },
    { onRunEnd: (e) => ends.push(e) },
  );
  assert.equal(ctx, "Task-1");
  assert.ok(r.error instanceof asyncio.KeyError);
  assert.equal(ends[0]?.status, "failed");
  assert.equal(ends[0]?.t, 1);
});
