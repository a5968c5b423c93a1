import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { record } from "./helpers.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

test("waitFor: result in time; on timeout the inner task is cancelled and TimeoutError raised", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def slow(d):
        try:
            await asyncio.sleep(d)
            return d
        except asyncio.CancelledError:
            print("slow cancelled", asyncio.current_task().get_name())
            raise
    async def main():
        print(await asyncio.wait_for(slow(1), 2))
        try:
            await asyncio.wait_for(slow(5), 2)
        except TimeoutError as e:
            print("timeout", repr(e))
        print(await asyncio.wait_for(slow(1), None))
    asyncio.run(main())
    `,
    async () => {
      const slow = async (d: number) => {
        try {
          await asyncio.sleep(d);
          return d;
        } catch (e) {
          print("slow cancelled", asyncio.currentTask()!.getName());
          throw e;
        }
      };
      print(await asyncio.waitFor(() => slow(1), 2));
      try {
        await asyncio.waitFor(() => slow(5), 2);
      } catch (e) {
        if (e instanceof asyncio.TimeoutError) print("timeout", asyncio.pyRepr(e));
      }
      print(await asyncio.waitFor(() => slow(1), null));
    },
  );
});

test("timeout(): the callback form raises TimeoutError like Python; expired(); null deadline", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def main():
        try:
            async with asyncio.timeout(1):
                await asyncio.sleep(2)
        except TimeoutError as e:
            print("first", repr(e))
        try:
            async with asyncio.timeout(1) as cm:
                await asyncio.sleep(2)
        except TimeoutError as e:
            print("second", repr(e), cm.expired())
        async with asyncio.timeout(5) as cm:
            await asyncio.sleep(1)
        print("in time", cm.expired())
        async with asyncio.timeout(None):
            await asyncio.sleep(1)
        async with asyncio.timeout(1):
            await asyncio.sleep(2)
    asyncio.run(main())
    `,
    async () => {
      try {
        await asyncio.timeout(1, async () => {
          await asyncio.sleep(2);
        });
      } catch (e) {
        if (e instanceof asyncio.TimeoutError) print("first", asyncio.pyRepr(e));
      }
      let cm: asyncio.Timeout | null = null;
      try {
        await asyncio.timeout(1, async (scope) => {
          cm = scope;
          await asyncio.sleep(2);
        });
      } catch (e) {
        if (e instanceof asyncio.TimeoutError) print("second", asyncio.pyRepr(e), cm!.expired());
      }
      const ok = await asyncio.timeout(5, async (c) => {
        await asyncio.sleep(1);
        return c;
      });
      print("in time", ok.expired());
      await asyncio.timeout(null, () => asyncio.sleep(1));
      await asyncio.timeout(1, () => asyncio.sleep(2));
    },
    `
    [t=1.000 Task-1] first TimeoutError()
    [t=2.000 Task-1] second TimeoutError() True
    [t=3.000 Task-1] in time False
    [t=5.000] EXC TimeoutError
    `,
  );
});

test("timeout: reschedule moves the deadline; a timeout outside a task is a RuntimeError", async () => {
  const r = await record(async () => {
    await asyncio.timeout(1, async (cm) => {
      cm.reschedule(asyncio.getRunningLoop().time() + 3);
      await asyncio.sleep(2);
      print("survived", cm.when());
    });
  });
  assert.equal(r.transcript, "[t=2.000 Task-1] survived 3\n");
});

test("waitFor's TimeoutError has the inner CancelledError as its cause, on both paths", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def slow():
        await asyncio.sleep(5)
    async def main():
        for limit in (1, 0):
            try:
                await asyncio.wait_for(slow(), limit)
            except TimeoutError as e:
                print(limit, repr(e), repr(e.__cause__))
    asyncio.run(main())
    `,
    async () => {
      for (const limit of [1, 0]) {
        try {
          await asyncio.waitFor(() => asyncio.sleep(5), limit);
        } catch (e) {
          if (e instanceof asyncio.TimeoutError)
            print(limit, asyncio.pyRepr(e), asyncio.pyRepr(e.cause));
        }
      }
    },
    `
    [t=1.000 Task-1] 1 TimeoutError() CancelledError()
    [t=1.000 Task-1] 0 TimeoutError() CancelledError()
    `,
  );
});

test("timeout in a task that already caught a cancel request still raises TimeoutError (3.11.7)", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def main():
        task = asyncio.current_task()
        task.cancel()
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError:
            print("caught, cancelling =", task.cancelling())
        try:
            async with asyncio.timeout(1):
                await asyncio.sleep(2)
        except TimeoutError as e:
            print(repr(e), repr(e.__cause__), task.cancelling())
    asyncio.run(main())
    `,
    async () => {
      const task = asyncio.currentTask()!;
      task.cancel();
      try {
        await asyncio.sleep(0);
      } catch (e) {
        if (e instanceof asyncio.CancelledError) print("caught, cancelling =", task.cancelling());
      }
      try {
        await asyncio.timeout(1, () => asyncio.sleep(2));
      } catch (e) {
        if (e instanceof asyncio.TimeoutError)
          print(asyncio.pyRepr(e), asyncio.pyRepr(e.cause), task.cancelling());
      }
    },
    `
    [t=0.000 Task-1] caught, cancelling = 1
    [t=1.000 Task-1] TimeoutError() CancelledError() 1
    `,
  );
});

test("timeout: a body that swallows the deadline's cancellation gets no TimeoutError", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def main():
        async with asyncio.timeout(1) as cm:
            try:
                await asyncio.sleep(2)
            except asyncio.CancelledError:
                print("swallowed")
        print("after", cm.expired(), repr(cm))
    asyncio.run(main())
    `,
    async () => {
      const cm = await asyncio.timeout(1, async (c) => {
        try {
          await asyncio.sleep(2);
        } catch (e) {
          if (e instanceof asyncio.CancelledError) print("swallowed");
          else throw e;
        }
        return c;
      });
      print("after", cm.expired(), asyncio.pyRepr(cm));
    },
    `
    [t=1.000 Task-1] swallowed
    [t=1.000 Task-1] after True <Timeout [expired]>
    `,
  );
});

test("timeout has no await-using form: without its block it says how to write it", () => {
  const bare = asyncio.timeout as unknown as (s: number) => unknown;
  assert.throws(() => bare(1), {
    name: "TypeError",
    message: /asyncio\.timeout\(\) needs its block as a callback/,
  });
  assert.equal(Symbol.asyncDispose in new asyncio.Timeout(1), false);
});
