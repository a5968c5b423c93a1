import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { record } from "./helpers.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

test("gather: results in argument order, tasks numbered in argument order", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def job(name, d):
        await asyncio.sleep(d)
        print("done", name)
        return name
    async def main():
        print(await asyncio.gather(job("a", 3), job("b", 1), job("c", 2)))
        print(await asyncio.gather())
    asyncio.run(main())
    `,
    async () => {
      const job = async (name: string, d: number) => {
        await asyncio.sleep(d);
        print("done", name);
        return name;
      };
      print(
        await asyncio.gather(
          () => job("a", 3),
          () => job("b", 1),
          () => job("c", 2),
        ),
      );
      print(await asyncio.gather());
    },
    `
    [t=1.000 Task-3] done b
    [t=2.000 Task-4] done c
    [t=3.000 Task-2] done a
    [t=3.000 Task-1] ['a', 'b', 'c']
    [t=3.000 Task-1] []
    `,
  );
});

test("gather: the first exception propagates while the others keep running; returnExceptions", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def ok(d):
        await asyncio.sleep(d)
        print("ok", d)
        return d
    async def bad(d):
        await asyncio.sleep(d)
        raise ValueError(f"bad {d}")
    async def main():
        try:
            await asyncio.gather(ok(2), bad(1), ok(3))
        except ValueError as e:
            print("caught", e)
        await asyncio.sleep(3)
        print(await asyncio.gather(ok(1), bad(2), return_exceptions=True))
    asyncio.run(main())
    `,
    async () => {
      const ok = async (d: number) => {
        await asyncio.sleep(d);
        print("ok", d);
        return d;
      };
      const bad = async (d: number) => {
        await asyncio.sleep(d);
        throw new asyncio.ValueError(`bad ${d}`);
      };
      try {
        await asyncio.gather(
          () => ok(2),
          () => bad(1),
          () => ok(3),
        );
      } catch (e) {
        print("caught", e);
      }
      await asyncio.sleep(3);
      print(
        await asyncio.gather(
          () => ok(1),
          () => bad(2),
          { returnExceptions: true },
        ),
      );
    },
  );
});

test("gather: cancelling the gather cancels its children; the awaiter gets CancelledError", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def child(i):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("child cancelled", i)
            raise
    async def main():
        g = asyncio.gather(child(1), child(2))
        await asyncio.sleep(1)
        print(g.cancel())
        try:
            await g
        except asyncio.CancelledError:
            print("gather cancelled", g.cancelled())
    asyncio.run(main())
    `,
    async () => {
      const child = async (i: number) => {
        try {
          await asyncio.sleep(10);
        } catch (e) {
          print("child cancelled", i);
          throw e;
        }
      };
      const g = asyncio.gather(
        () => child(1),
        () => child(2),
      );
      await asyncio.sleep(1);
      print(g.cancel());
      try {
        await g;
      } catch (e) {
        if (e instanceof asyncio.CancelledError) print("gather cancelled", g.cancelled());
      }
    },
  );
});

test("gather: the same task twice is one child; a cancelled child fails the gather", async () => {
  const r = await record(async () => {
    const t1 = asyncio.createTask(() => asyncio.sleep(1, "x"));
    print(await asyncio.gather(t1, t1));
    const t2 = asyncio.createTask(() => asyncio.sleep(5));
    asyncio.getRunningLoop().callLater(1, () => t2.cancel());
    try {
      await asyncio.gather(t2);
    } catch (e) {
      print(asyncio.pyRepr(e));
    }
  });
  assert.equal(r.transcript, "[t=1.000 Task-1] ['x', 'x']\n[t=2.000 Task-1] CancelledError()\n");
});

test("gather(list) is a TypeError, as CPython's (the classic slip for gather(*tasks))", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def main():
        t = asyncio.create_task(asyncio.sleep(1))
        try:
            await asyncio.gather([t])
        except TypeError as e:
            print("TypeError:", e)
        try:
            await asyncio.gather(42)
        except TypeError as e:
            print("TypeError:", e)
        await t
    asyncio.run(main())
    `,
    async () => {
      const t1 = asyncio.createTask(() => asyncio.sleep(1));
      try {
        await asyncio.gather([t1] as never);
      } catch (e) {
        print("TypeError:", (e as Error).message);
      }
      try {
        await asyncio.gather(42 as never);
      } catch (e) {
        print("TypeError:", (e as Error).message);
      }
      await t1;
    },
    `
    [t=0.000 Task-1] TypeError: unhashable type: 'list'
    [t=0.000 Task-1] TypeError: An asyncio.Future, a coroutine or an awaitable is required
    `,
  );
});
