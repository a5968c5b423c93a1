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

test("setResult/setException on a done future: InvalidStateError('invalid state'); a class is instantiated", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def main():
        loop = asyncio.get_running_loop()
        f = loop.create_future()
        f.set_result(1)
        for action in (lambda: f.set_result(2), lambda: f.set_exception(ValueError("x"))):
            try:
                action()
            except asyncio.InvalidStateError as e:
                print("InvalidStateError", repr(str(e)))
        c = loop.create_future()
        c.cancel()
        try:
            c.set_result(1)
        except asyncio.InvalidStateError as e:
            print("cancelled:", repr(e))
        g = loop.create_future()
        g.set_exception(ValueError)
        print(repr(g.exception()))
        try:
            await g
        except ValueError as e:
            print("awaited", repr(e))
    asyncio.run(main())
    `,
    async () => {
      const loop = asyncio.getRunningLoop();
      const f = loop.createFuture<number>();
      f.setResult(1);
      for (const action of [
        () => f.setResult(2),
        () => f.setException(new asyncio.ValueError("x")),
      ]) {
        try {
          action();
        } catch (e) {
          if (e instanceof asyncio.InvalidStateError)
            print("InvalidStateError", asyncio.pyRepr(asyncio.pyStr(e)));
        }
      }
      const c = loop.createFuture<number>();
      c.cancel();
      try {
        c.setResult(1);
      } catch (e) {
        if (e instanceof asyncio.InvalidStateError) print("cancelled:", asyncio.pyRepr(e));
      }
      const g = loop.createFuture();
      g.setException(asyncio.ValueError);
      print(asyncio.pyRepr(g.exception()));
      try {
        await g;
      } catch (e) {
        if (e instanceof asyncio.ValueError) print("awaited", asyncio.pyRepr(e));
      }
    },
    `
    [t=0.000 Task-1] InvalidStateError 'invalid state'
    [t=0.000 Task-1] InvalidStateError 'invalid state'
    [t=0.000 Task-1] cancelled: InvalidStateError('invalid state')
    [t=0.000 Task-1] ValueError()
    [t=0.000 Task-1] awaited ValueError()
    `,
  );
});

test("a cancelled task hands out the CancelledError that ended it once, then fresh ones", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def victim():
        await asyncio.sleep(10)
    def errors(*getters):
        out = []
        for get in getters:
            try:
                get()
            except asyncio.CancelledError as e:
                out.append(e)
        return out
    async def main():
        t = asyncio.create_task(victim())
        await asyncio.sleep(0)
        t.cancel("bye")
        await asyncio.sleep(0)
        a, b, c = errors(t.result, t.exception, t.result)
        print(repr(a), repr(b), repr(c), a is b, b is c)
        u = asyncio.create_task(victim())
        await asyncio.sleep(0)
        u.cancel("again")
        try:
            await u
        except asyncio.CancelledError as e:
            first = e
        (later,) = errors(u.result)
        print(repr(first), repr(later), first is later)
        n = asyncio.create_task(victim())
        n.cancel("never started")
        await asyncio.sleep(0)
        print([repr(e) for e in errors(n.exception, n.exception)])
    asyncio.run(main())
    `,
    async () => {
      const victim = () => asyncio.sleep(10);
      const errors = (...getters: Array<() => unknown>): unknown[] => {
        const out: unknown[] = [];
        for (const get of getters) {
          try {
            get();
          } catch (e) {
            if (e instanceof asyncio.CancelledError) out.push(e);
          }
        }
        return out;
      };
      const r = asyncio.pyRepr;
      const t = asyncio.createTask(victim);
      await asyncio.sleep(0);
      t.cancel("bye");
      await asyncio.sleep(0);
      const [a, b, c] = errors(
        () => t.result(),
        () => t.exception(),
        () => t.result(),
      );
      print(r(a), r(b), r(c), a === b, b === c);
      const u = asyncio.createTask(victim);
      await asyncio.sleep(0);
      u.cancel("again");
      let first: unknown;
      try {
        await u;
      } catch (e) {
        if (e instanceof asyncio.CancelledError) first = e;
      }
      const [later] = errors(() => u.result());
      print(r(first), r(later), first === later);
      const n = asyncio.createTask(victim);
      n.cancel("never started");
      await asyncio.sleep(0);
      print(
        errors(
          () => n.exception(),
          () => n.exception(),
        ).map(r),
      );
    },
    `
    [t=0.000 Task-1] CancelledError('bye') CancelledError() CancelledError() False False
    [t=0.000 Task-1] CancelledError('again') CancelledError() False
    [t=0.000 Task-1] ["CancelledError('never started')", 'CancelledError()']
    `,
  );
});
