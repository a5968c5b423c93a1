import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { record } from "./helpers.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

const PY = `
import asyncio
async def ok(i, d):
    try:
        await asyncio.sleep(d)
        print("ok", i)
        return i
    except asyncio.CancelledError:
        print("cancelled", i)
        raise
async def bad(d):
    await asyncio.sleep(d)
    raise ValueError("boom")
async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(ok(1, 1))
        b = tg.create_task(ok(2, 2))
    print("all done", a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(3, 5))
            tg.create_task(bad(1))
            await asyncio.sleep(10)
            print("not reached")
    except* ValueError as eg:
        print("caught", repr(list(eg.exceptions)))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad(1))
asyncio.run(main())
`;

const ok = async (i: number, d: number) => {
  try {
    await asyncio.sleep(d);
    print("ok", i);
    return i;
  } catch (e) {
    print("cancelled", i);
    throw e;
  }
};
const bad = async (d: number) => {
  await asyncio.sleep(d);
  throw new asyncio.ValueError("boom");
};

test("TaskGroup.run: waits for all; a failure cancels body and siblings; ExceptionGroup", async (t) => {
  await sameAsPython(t, PY, async () => {
    const [a, b] = await asyncio.TaskGroup.run(async (tg) => [
      tg.createTask(() => ok(1, 1)),
      tg.createTask(() => ok(2, 2)),
    ]);
    print("all done", a.result(), b.result());
    try {
      await asyncio.TaskGroup.run(async (tg) => {
        tg.createTask(() => ok(3, 5));
        tg.createTask(() => bad(1));
        await asyncio.sleep(10);
        print("not reached");
      });
    } catch (e) {
      if (e instanceof asyncio.ExceptionGroup) print("caught", asyncio.pyRepr(e.exceptions));
    }
    await asyncio.TaskGroup.run(async (tg) => {
      tg.createTask(() => bad(1));
    });
  });
});

test("TaskGroup: the exact CPython message and nesting in the transcript", async () => {
  const r = await record(() =>
    asyncio.TaskGroup.run(async (tg) => {
      tg.createTask(() => bad(1));
      tg.createTask(() => bad(1));
    }),
  );
  assert.equal(
    r.transcript,
    "[t=1.000] EXC ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)\n[t=1.000] EXC   ValueError: boom\n[t=1.000] EXC   ValueError: boom\n",
  );
});

test("TaskGroup's errors carry its repr, as in CPython 3.11.7", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def boom():
        raise ValueError("x")
    async def main():
        tg = asyncio.TaskGroup()
        try:
            tg.create_task(asyncio.sleep(0))
        except RuntimeError as e:
            print(e)
        async with tg:
            tg.create_task(asyncio.sleep(1))
            print(repr(tg))
        try:
            tg.create_task(asyncio.sleep(0))
        except RuntimeError as e:
            print(e)
        try:
            async with asyncio.TaskGroup() as tg2:
                tg2.create_task(boom())
                tg2.create_task(asyncio.sleep(5))
                try:
                    await asyncio.sleep(1)
                except asyncio.CancelledError:
                    try:
                        tg2.create_task(asyncio.sleep(0))
                    except RuntimeError as e:
                        print(e)
                    raise
        except* ValueError:
            print("group failed")
    asyncio.run(main())
    `,
    async () => {
      const tg = new asyncio.TaskGroup();
      try {
        tg.createTask(() => asyncio.sleep(0));
      } catch (e) {
        if (e instanceof asyncio.RuntimeError) print(e);
      }
      let kept: asyncio.TaskGroup | null = null;
      await asyncio.TaskGroup.run(async (g) => {
        kept = g;
        g.createTask(() => asyncio.sleep(1));
        print(asyncio.pyRepr(g));
      });
      try {
        kept!.createTask(() => asyncio.sleep(0));
      } catch (e) {
        if (e instanceof asyncio.RuntimeError) print(e);
      }
      try {
        await asyncio.TaskGroup.run(async (tg2) => {
          tg2.createTask(async () => {
            throw new asyncio.ValueError("x");
          });
          tg2.createTask(() => asyncio.sleep(5));
          try {
            await asyncio.sleep(1);
          } catch (e) {
            try {
              tg2.createTask(() => asyncio.sleep(0));
            } catch (err) {
              if (err instanceof asyncio.RuntimeError) print(err);
            }
            throw e;
          }
        });
      } catch (e) {
        if (e instanceof asyncio.ExceptionGroup) print("group failed");
      }
    },
    `
    [t=0.000 Task-1] TaskGroup <TaskGroup> has not been entered
    [t=0.000 Task-1] <TaskGroup tasks=1 entered>
    [t=1.000 Task-1] TaskGroup <TaskGroup entered> is finished
    [t=1.000 Task-1] TaskGroup <TaskGroup tasks=1 errors=1 cancelling> is shutting down
    [t=1.000 Task-1] group failed
    `,
  );
});

test("TaskGroup entered twice: 'has already been entered', with its repr", async (t) => {
  // TaskGroup.run enters its group; entering it again is what a nested \`async with tg:\` does.
  await sameAsPython(
    t,
    `
    import asyncio
    async def main():
        tg = asyncio.TaskGroup()
        async with tg:
            async with tg:
                pass
    asyncio.run(main())
    `,
    () =>
      asyncio.TaskGroup.run(async (tg) => {
        tg._enter();
      }),
    `
    [t=0.000] EXC ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)
    [t=0.000] EXC   RuntimeError: TaskGroup <TaskGroup entered> has already been entered
    `,
  );
});

test("TaskGroup: a parent cancelled while the body awaits cancels the children at once", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def child():
        try:
            await asyncio.sleep(5)
            print("child finished")
        except asyncio.CancelledError:
            print("child cancelled")
            raise
    async def parent():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(10)
    async def main():
        p = asyncio.create_task(parent())
        await asyncio.sleep(1)
        p.cancel()
        try:
            await p
        except asyncio.CancelledError:
            print("parent cancelled")
    asyncio.run(main())
    `,
    async () => {
      const child = async () => {
        try {
          await asyncio.sleep(5);
          print("child finished");
        } catch (e) {
          print("child cancelled");
          throw e;
        }
      };
      const p = asyncio.createTask(() =>
        asyncio.TaskGroup.run(async (tg) => {
          tg.createTask(child);
          await asyncio.sleep(10);
        }),
      );
      await asyncio.sleep(1);
      p.cancel();
      try {
        await p;
      } catch (e) {
        if (e instanceof asyncio.CancelledError) print("parent cancelled");
      }
    },
    `
    [t=1.000 Task-3] child cancelled
    [t=1.000 Task-1] parent cancelled
    `,
  );
});

test("TaskGroup has no await-using form (a disposer cannot see the block's error)", () => {
  assert.equal(Symbol.asyncDispose in new asyncio.TaskGroup(), false);
});
