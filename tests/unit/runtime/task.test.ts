import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import {
  isStartedPromise,
  STARTED_PROMISE_WARNING,
} from "../../../src/runtime/asyncio/started-promise.ts";
import { record } from "./helpers.ts";
import { sameAsPython, scriptSameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

test("tasks start on a later iteration, in creation order, named Task-N", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def w(i):
        print("start", i)
        await asyncio.sleep(0)
        print("end", i)
    async def main():
        a = asyncio.create_task(w(1))
        b = asyncio.create_task(w(2), name="second")
        print("created", a.get_name(), b.get_name())
        await a
        await b
    asyncio.run(main())
    `,
    async () => {
      const w = async (i: number) => {
        print("start", i);
        await asyncio.sleep(0);
        print("end", i);
      };
      const a = asyncio.createTask(() => w(1));
      const b = asyncio.createTask(() => w(2), { name: "second" });
      print("created", a.getName(), b.getName());
      await a;
      await b;
    },
    `
    [t=0.000 Task-1] created Task-2 second
    [t=0.000 Task-2] start 1
    [t=0.000 second] start 2
    [t=0.000 Task-2] end 1
    [t=0.000 second] end 2
    `,
  );
});

test("cancel: CancelledError with its message at the await; caught, or never started", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def sleeper():
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError as e:
            print("caught", repr(str(e)))
            raise
    async def never():
        print("never printed")
    async def main():
        s = asyncio.create_task(sleeper())
        n = asyncio.create_task(never())
        n.cancel()
        await asyncio.sleep(1)
        print(s.cancel("stop it"), s.cancelling())
        try:
            await s
        except asyncio.CancelledError as e:
            print("main got", repr(str(e)), s.cancelled(), n.cancelled())
        print(s.cancel())
    asyncio.run(main())
    `,
    async () => {
      const s = asyncio.createTask(async () => {
        try {
          await asyncio.sleep(5);
        } catch (e) {
          print("caught", asyncio.pyRepr((e as Error).message));
          throw e;
        }
      });
      const n = asyncio.createTask(async () => print("never printed"));
      n.cancel();
      await asyncio.sleep(1);
      print(s.cancel("stop it"), s.cancelling());
      try {
        await s;
      } catch (e) {
        print("main got", asyncio.pyRepr((e as Error).message), s.cancelled(), n.cancelled());
      }
      print(s.cancel());
    },
  );
});

test("cancel: a task that swallows CancelledError goes on; uncancel() withdraws the request", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def stubborn():
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            print("ignoring", asyncio.current_task().cancelling())
            print(asyncio.current_task().uncancel())
        await asyncio.sleep(1)
        return "finished"
    async def main():
        t = asyncio.create_task(stubborn())
        await asyncio.sleep(1)
        t.cancel()
        print(await t, t.cancelled())
    asyncio.run(main())
    `,
    async () => {
      const t2 = asyncio.createTask(async () => {
        try {
          await asyncio.sleep(5);
        } catch {
          print("ignoring", asyncio.currentTask()!.cancelling());
          print(asyncio.currentTask()!.uncancel());
        }
        await asyncio.sleep(1);
        return "finished";
      });
      await asyncio.sleep(1);
      t2.cancel();
      print(await t2, t2.cancelled());
    },
  );
});

test("cancel: cancelling a task that awaits another task cancels the inner one too", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def inner():
        try:
            await asyncio.sleep(5)
        finally:
            print("inner cleanup")
    async def outer(i):
        await i
    async def main():
        i = asyncio.create_task(inner())
        o = asyncio.create_task(outer(i))
        await asyncio.sleep(1)
        o.cancel()
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print(i.cancelled(), o.cancelled())
    asyncio.run(main())
    `,
    async () => {
      const i = asyncio.createTask(async () => {
        try {
          await asyncio.sleep(5);
        } finally {
          print("inner cleanup");
        }
      });
      const o = asyncio.createTask(async () => {
        await i;
      });
      await asyncio.sleep(1);
      o.cancel();
      await asyncio.sleep(0);
      await asyncio.sleep(0);
      print(i.cancelled(), o.cancelled());
    },
  );
});

test("unretrieved exceptions: a task main uses, then reads later, is never reported", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def boom(msg, d):
        await asyncio.sleep(d)
        raise ValueError(msg)
    async def main():
        held = asyncio.create_task(boom("held", 1))
        asked = asyncio.create_task(boom("asked", 1))
        print("started", held.get_name(), asked.get_name())
        await asyncio.sleep(3)
        print("done?", held.done(), asked.done())
        try:
            await held
        except ValueError as e:
            print("caught", e)
        print("asked", repr(asked.exception()))
    asyncio.run(main())
    `,
    async () => {
      const boom = async (msg: string, d: number) => {
        await asyncio.sleep(d);
        throw new asyncio.ValueError(msg);
      };
      const held = asyncio.createTask(() => boom("held", 1));
      const asked = asyncio.createTask(() => boom("asked", 1));
      print("started", held.getName(), asked.getName());
      await asyncio.sleep(3);
      print("done?", held.done(), asked.done());
      try {
        await held;
      } catch (e) {
        print("caught", e);
      }
      print("asked", asyncio.pyRepr(asked.exception()));
    },
    `
    [t=0.000 Task-1] started Task-2 Task-3
    [t=3.000 Task-1] done? True True
    [t=3.000 Task-1] caught held
    [t=3.000 Task-1] asked ValueError('asked')
    `,
  );
});

test("unretrieved exceptions: a task that fails as shutdown cancels it is reported once, held or dropped, as CPython's run does", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def stubborn(msg):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            raise ValueError(msg)
    async def main():
        asyncio.create_task(stubborn("dropped"))
        held = asyncio.create_task(stubborn("held"))
        print("holding", held.get_name())
        await asyncio.sleep(1)
        print("main ends")
    asyncio.run(main())
    `,
    async () => {
      const stubborn = async (msg: string) => {
        try {
          await asyncio.sleep(10);
        } catch (e) {
          if (e instanceof asyncio.CancelledError) throw new asyncio.ValueError(msg);
          throw e;
        }
      };
      asyncio.createTask(() => stubborn("dropped"));
      const held = asyncio.createTask(() => stubborn("held"));
      print("holding", held.getName());
      await asyncio.sleep(1);
      print("main ends");
    },
    `
    [t=0.000 Task-1] holding Task-3
    [t=1.000 Task-1] main ends
    [t=1.000] LOOP-ERROR ValueError: dropped
    [t=1.000] LOOP-ERROR ValueError: held
    `,
  );
});

test("setName emits renamed; currentTask/allTasks see the running tasks; trace has the lifecycle", async () => {
  const r = await record(async () => {
    const t1 = asyncio.createTask(async () => {
      await asyncio.sleep(1);
      return [1, "a"];
    });
    t1.setName("renamed");
    print(asyncio.allTasks().size, asyncio.currentTask()?.getName());
    return await t1;
  });
  assert.deepEqual(r.result, [1, "a"]);
  const kinds = r.events
    .filter((e) => e.type !== "print")
    .map((e) => `${e.type}:${"task" in e ? e.task : ""}`);
  assert.deepEqual(kinds, [
    "created:1",
    "started:1",
    "created:2",
    "renamed:2",
    "suspended:1",
    "started:2",
    "suspended:2",
    "resumed:2",
    "done:2",
    "resumed:1",
    "done:1",
  ]);
  const done = r.events.find((e) => e.type === "done" && e.task === 2);
  assert.deepEqual(done && "result" in done ? done.result : null, "[1, 'a']");
  assert.match(r.transcript, /\[t=0\.000 Task-1\] 2 Task-1/);
});

test("an eager promise still works as a task, with one warning line for the run", async () => {
  const r = await record(async () => {
    const work = async () => {
      print("eager start");
      await asyncio.sleep(1);
      return 5;
    };
    const t1 = asyncio.createTask(work());
    print("created");
    const [a] = await asyncio.gather(work());
    let b: asyncio.Task<number> | null = null;
    await asyncio.TaskGroup.run(async (tg) => {
      b = tg.createTask(work());
    });
    return (await t1) + a + b!.result();
  });
  assert.equal(r.result, 15);
  assert.equal(
    r.transcript,
    [
      "[t=0.000 Task-1] eager start",
      `[t=0.000] LOOP-ERROR ${STARTED_PROMISE_WARNING}`,
      "[t=0.000 Task-1] created",
      "[t=0.000 Task-1] eager start",
      "[t=1.000 Task-1] eager start",
      "",
    ].join("\n"),
  );
});

test("isStartedPromise: a running promise, not a function, Future, Task or runtime coroutine", async () => {
  const r = await record(async () => {
    const job = async () => 1;
    const p = job();
    assert.equal(isStartedPromise(p), true);
    assert.equal(
      isStartedPromise(() => job()),
      false,
    );
    assert.equal(isStartedPromise(asyncio.sleep(0)), false);
    assert.equal(isStartedPromise(asyncio.getRunningLoop().createFuture()), false);
    const t = asyncio.createTask(() => job());
    assert.equal(isStartedPromise(t), false);
    assert.equal(isStartedPromise(new asyncio.Lazy(() => job())), false);
    await Promise.all([p, t]);
  });
  assert.equal(r.error, undefined); // the asserts above run inside the task
});

test("currentTask() with no running loop raises RuntimeError, as in CPython", async (t) => {
  await scriptSameAsPython(
    t,
    `
    import asyncio
    try:
        asyncio.current_task()
    except RuntimeError as e:
        print("before:", type(e).__name__, e)
    async def main():
        print("inside:", asyncio.current_task().get_name())
        asyncio.get_running_loop().call_soon(lambda: print("callback:", asyncio.current_task()))
        await asyncio.sleep(0)
    asyncio.run(main())
    try:
        asyncio.current_task()
    except RuntimeError as e:
        print("after:", e)
    `,
    async () => {
      try {
        asyncio.currentTask();
      } catch (e) {
        if (e instanceof asyncio.RuntimeError) print("before:", e.name, e);
      }
      await asyncio.run(async () => {
        print("inside:", asyncio.currentTask()!.getName());
        asyncio.getRunningLoop().callSoon(() => print("callback:", asyncio.currentTask()));
        await asyncio.sleep(0);
      });
      try {
        asyncio.currentTask();
      } catch (e) {
        if (e instanceof asyncio.RuntimeError) print("after:", e);
      }
    },
    `
    [t=0.000] before: RuntimeError no running event loop
    [t=0.000 Task-1] inside: Task-1
    [t=0.000] callback: None
    [t=0.000] after: no running event loop
    `,
  );
});

test("task numbers: a task named at creation takes none; createTask and tg.createTask do", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def job():
        print("runs")
        await asyncio.sleep(0)
    async def main():
        loop = asyncio.get_running_loop()
        a = asyncio.Task(job(), name="direct")
        b = loop.create_task(job(), name="on-loop")
        c = asyncio.create_task(job(), name="named")
        d = asyncio.create_task(job())
        e = loop.create_task(job())
        async with asyncio.TaskGroup() as tg:
            f = tg.create_task(job(), name="in-group")
            g = tg.create_task(job())
        print([x.get_name() for x in (a, b, c, d, e, f, g)])
    asyncio.run(main())
    `,
    async () => {
      const job = async () => {
        print("runs");
        await asyncio.sleep(0);
      };
      const loop = asyncio.getRunningLoop();
      const a = new asyncio.Task(() => job(), { name: "direct" });
      const b = loop.createTask(() => job(), { name: "on-loop" });
      const c = asyncio.createTask(() => job(), { name: "named" });
      const d = asyncio.createTask(() => job());
      const e = loop.createTask(() => job());
      const [f, g] = await asyncio.TaskGroup.run(async (tg) => [
        tg.createTask(() => job(), { name: "in-group" }),
        tg.createTask(() => job()),
      ]);
      print([a, b, c, d, e, f, g].map((x) => x.getName()));
    },
    `
    [t=0.000 direct] runs
    [t=0.000 on-loop] runs
    [t=0.000 named] runs
    [t=0.000 Task-3] runs
    [t=0.000 Task-4] runs
    [t=0.000 in-group] runs
    [t=0.000 Task-6] runs
    [t=0.000 Task-1] ['direct', 'on-loop', 'named', 'Task-3', 'Task-4', 'in-group', 'Task-6']
    `,
  );
});
