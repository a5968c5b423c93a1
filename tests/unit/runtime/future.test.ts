import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { record } from "./helpers.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

test("setResult resumes the waiter in a later iteration; the setter keeps running", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def waiter(f):
        print("got", await f)
    async def other():
        print("other 1")
        await asyncio.sleep(0)
        print("other 2")
    async def main():
        f = asyncio.get_running_loop().create_future()
        asyncio.create_task(waiter(f))
        asyncio.create_task(other())
        await asyncio.sleep(0)
        f.set_result(42)
        print("set")
        await asyncio.sleep(0)
        print("main again")
        await asyncio.sleep(0)
    asyncio.run(main())
    `,
    async () => {
      const f = asyncio.getRunningLoop().createFuture<number>();
      asyncio.createTask(async () => print("got", await f));
      asyncio.createTask(async () => {
        print("other 1");
        await asyncio.sleep(0);
        print("other 2");
      });
      await asyncio.sleep(0);
      f.setResult(42);
      print("set");
      await asyncio.sleep(0);
      print("main again");
      await asyncio.sleep(0);
    },
  );
});

test("awaiting a finished future or a coroutine that never suspends does not yield", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def quick():
        return 1
    async def other():
        print("other runs")
    async def main():
        f = asyncio.get_running_loop().create_future()
        f.set_result("ready")
        asyncio.create_task(other())
        print(await f)
        print(await quick())
        print("still first")
        await asyncio.sleep(0)
    asyncio.run(main())
    `,
    async () => {
      const f = asyncio.getRunningLoop().createFuture<string>();
      f.setResult("ready");
      asyncio.createTask(async () => print("other runs"));
      print(await f);
      print(await (async () => 1)());
      print("still first");
      await asyncio.sleep(0);
    },
  );
});

test("done callbacks run via callSoon with no current task; removeDoneCallback; states and errors", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def main():
        loop = asyncio.get_running_loop()
        f = loop.create_future()
        cb = lambda fut: print("cb", fut.result())
        f.add_done_callback(cb)
        f.add_done_callback(lambda fut: print("cb2"))
        print(f.remove_done_callback(cb))
        try:
            f.result()
        except asyncio.InvalidStateError as e:
            print(repr(e))
        f.set_result(1)
        print(f.done(), f.cancelled(), f.cancel())
        await asyncio.sleep(0)
        g = loop.create_future()
        g.set_exception(ValueError("v"))
        print(repr(g.exception()))
        h = loop.create_future()
        print(h.cancel("why"))
        try:
            h.result()
        except asyncio.CancelledError as e:
            print("cancelled", e)
    asyncio.run(main())
    `,
    async () => {
      const loop = asyncio.getRunningLoop();
      const f = loop.createFuture<number>();
      const cb = (fut: asyncio.Future<number>) => print("cb", fut.result());
      f.addDoneCallback(cb);
      f.addDoneCallback(() => print("cb2"));
      print(f.removeDoneCallback(cb));
      try {
        f.result();
      } catch (e) {
        print(asyncio.pyRepr(e));
      }
      f.setResult(1);
      print(f.done(), f.cancelled(), f.cancel());
      await asyncio.sleep(0);
      const g = loop.createFuture();
      g.setException(new asyncio.ValueError("v"));
      print(asyncio.pyRepr(g.exception()));
      const h = loop.createFuture();
      print(h.cancel("why"));
      try {
        h.result();
      } catch (e) {
        print("cancelled", e);
      }
    },
  );
});

test("then() chains like a promise and Promise.all over futures works inside a task", async () => {
  const r = await record(async () => {
    const loop = asyncio.getRunningLoop();
    const a = loop.createFuture<number>();
    const b = loop.createFuture<number>();
    loop.callLater(1, () => a.setResult(1));
    loop.callLater(2, () => b.setResult(2));
    const doubled = await a.then((x) => x * 2);
    const both = await Promise.all([a, b]);
    print(doubled, both, loop.time());
  });
  assert.equal(r.transcript, "[t=2.000 Task-1] 2 [1, 2] 2\n");
});

test("setResult twice is an InvalidStateError", async () => {
  const r = await record(async () => {
    const f = asyncio.getRunningLoop().createFuture();
    f.setResult(1);
    f.setResult(2);
  });
  assert.ok(r.error instanceof asyncio.InvalidStateError);
});

test("a lazy coroutine-like awaitable runs once: awaiting it again is CPython's RuntimeError", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def main():
        ev = asyncio.Event()
        ev.set()
        waiting = ev.wait()
        print(await waiting)
        try:
            await waiting
        except RuntimeError as e:
            print("RuntimeError:", e)
    asyncio.run(main())
    `,
    async () => {
      const ev = new asyncio.Event();
      ev.set();
      const waiting = ev.wait();
      print(await waiting);
      try {
        await waiting;
      } catch (e) {
        print("RuntimeError:", (e as Error).message);
      }
    },
    `
    [t=0.000 Task-1] True
    [t=0.000 Task-1] RuntimeError: cannot reuse already awaited coroutine
    `,
  );
});
