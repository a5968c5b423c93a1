import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { record } from "./helpers.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

test("wait: FIRST_COMPLETED, FIRST_EXCEPTION, timeout leaves the pending running", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def job(d, fail=False):
        await asyncio.sleep(d)
        if fail:
            raise ValueError(str(d))
        return d
    async def main():
        ts = [asyncio.create_task(job(d)) for d in (3, 1, 2)]
        done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
        print(sorted(t.result() for t in done), len(pending))
        done, pending = await asyncio.wait(ts, timeout=0.5)
        print(len(done), len(pending))
        done, pending = await asyncio.wait(ts)
        print(sorted(t.result() for t in done), len(pending))
        fs = [asyncio.create_task(job(1, True)), asyncio.create_task(job(5))]
        done, pending = await asyncio.wait(fs, return_when=asyncio.FIRST_EXCEPTION)
        print(len(done), len(pending), repr(fs[0].exception()))
        try:
            await asyncio.wait([job(1)])
        except TypeError as e:
            print("TypeError", e)
    asyncio.run(main())
    `,
    async () => {
      const job = async (d: number, fail = false) => {
        await asyncio.sleep(d);
        if (fail) throw new asyncio.ValueError(String(d));
        return d;
      };
      const ts = [3, 1, 2].map((d) => asyncio.createTask(() => job(d)));
      let r = await asyncio.wait(ts, { returnWhen: asyncio.FIRST_COMPLETED });
      print([...r.done].map((x) => x.result()).sort(), r.pending.size);
      r = await asyncio.wait(ts, { timeout: 0.5 });
      print(r.done.size, r.pending.size);
      r = await asyncio.wait(ts);
      print([...r.done].map((x) => x.result()).sort(), r.pending.size);
      const fs = [asyncio.createTask(() => job(1, true)), asyncio.createTask(() => job(5))];
      const r2 = await asyncio.wait(fs, { returnWhen: asyncio.FIRST_EXCEPTION });
      print(r2.done.size, r2.pending.size, asyncio.pyRepr(fs[0]!.exception()));
      try {
        // biome-ignore lint/suspicious/noExplicitAny: the point is passing what the types forbid
        await asyncio.wait([(() => job(1)) as any]);
      } catch (e) {
        if (e instanceof TypeError) print("TypeError", e.message);
      }
    },
  );
});

test("asCompleted: results in completion order; tasks numbered in argument order; timeout", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def job(d):
        await asyncio.sleep(d)
        return d
    async def main():
        for f in asyncio.as_completed([asyncio.create_task(job(3)), asyncio.create_task(job(1)), asyncio.create_task(job(2))]):
            print(await f)
        try:
            for f in asyncio.as_completed([asyncio.create_task(job(1)), asyncio.create_task(job(9))], timeout=2):
                print(await f)
        except TimeoutError:
            print("timeout")
    asyncio.run(main())
    `,
    async () => {
      const job = async (d: number) => {
        await asyncio.sleep(d);
        return d;
      };
      for (const f of asyncio.asCompleted([3, 1, 2].map((d) => asyncio.createTask(() => job(d)))))
        print(await f);
      try {
        for (const f of asyncio.asCompleted(
          [1, 9].map((d) => asyncio.createTask(() => job(d))),
          { timeout: 2 },
        ))
          print(await f);
      } catch (e) {
        if (e instanceof asyncio.TimeoutError) print("timeout");
      }
    },
  );
});

test("asCompleted works with for await (3.13: it yields the finished tasks) and with functions", async () => {
  const r = await record(
    async () => {
      const out: number[] = [];
      for await (const task of asyncio.asCompleted([
        () => asyncio.sleep(2, 2),
        () => asyncio.sleep(1, 1),
      ]))
        out.push(task.result() as number);
      print(out);
    },
    { python: "3.13" },
  );
  assert.equal(r.transcript, "[t=2.000 Task-1] [1, 2]\n");
});

test("wait: argument errors are the runtime's ValueError, raised when awaited", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def main():
        aw = asyncio.wait([])
        print("made")
        try:
            await aw
        except ValueError as e:
            print(type(e).__name__, e)
        t = asyncio.create_task(asyncio.sleep(1))
        try:
            await asyncio.wait([t], return_when="SOMETIMES")
        except ValueError as e:
            print(type(e).__name__, e)
        await t
        await asyncio.wait([])
    asyncio.run(main())
    `,
    async () => {
      const aw = asyncio.wait([]);
      print("made");
      try {
        await aw;
      } catch (e) {
        if (e instanceof asyncio.ValueError) print(e.name, e);
      }
      const t = asyncio.createTask(() => asyncio.sleep(1));
      try {
        await asyncio.wait([t], { returnWhen: "SOMETIMES" as asyncio.ReturnWhen });
      } catch (e) {
        if (e instanceof asyncio.ValueError) print(e.name, e);
      }
      await t;
      await asyncio.wait([]);
    },
    `
    [t=0.000 Task-1] made
    [t=0.000 Task-1] ValueError Set of Tasks/Futures is empty.
    [t=0.000 Task-1] ValueError Invalid return_when value: SOMETIMES
    [t=1.000] EXC ValueError: Set of Tasks/Futures is empty.
    `,
  );
});

test("asCompleted starts its timeout clock at the first iteration, as 3.11's generator", async (t) => {
  // Tasks, not coroutines: CPython iterates a set of them, whose order follows their ids.
  await sameAsPython(
    t,
    `
    import asyncio
    async def job(n, d):
        await asyncio.sleep(d)
        return n
    async def main():
        tasks = [asyncio.create_task(job(1, 1)), asyncio.create_task(job(2, 5))]
        it = asyncio.as_completed(tasks, timeout=2)
        await asyncio.sleep(1.5)
        print("iterating")
        try:
            for f in it:
                print("got", await f)
        except TimeoutError:
            print("timed out")
        tasks[1].cancel()
    asyncio.run(main())
    `,
    async () => {
      const job = async (n: number, d: number) => {
        await asyncio.sleep(d);
        return n;
      };
      const tasks = [asyncio.createTask(() => job(1, 1)), asyncio.createTask(() => job(2, 5))];
      const it = asyncio.asCompleted(tasks, { timeout: 2 });
      await asyncio.sleep(1.5);
      print("iterating");
      try {
        for (const f of it) print("got", await f);
      } catch (e) {
        if (e instanceof asyncio.TimeoutError) print("timed out");
      }
      tasks[1]!.cancel();
    },
    `
    [t=1.500 Task-1] iterating
    [t=1.500 Task-1] got 1
    [t=3.500 Task-1] timed out
    `,
  );
});

test("asCompleted wraps its awaitables in tasks only when the iteration starts", async (t) => {
  // One coroutine: CPython iterates a set, whose order for several follows their ids.
  await sameAsPython(
    t,
    `
    import asyncio
    async def job(n):
        print("start", n)
        await asyncio.sleep(1)
        return n
    async def main():
        it = asyncio.as_completed([job(1)])
        await asyncio.sleep(2)
        print("iterating")
        for f in it:
            print("got", await f)
    asyncio.run(main())
    `,
    async () => {
      const job = async (n: number) => {
        print("start", n);
        await asyncio.sleep(1);
        return n;
      };
      const it = asyncio.asCompleted([() => job(1)]);
      await asyncio.sleep(2);
      print("iterating");
      for (const f of it) print("got", await f);
    },
    `
    [t=2.000 Task-1] iterating
    [t=2.000 Task-2] start 1
    [t=3.000 Task-1] got 1
    `,
  );
});
