import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { record } from "./helpers.ts";
import { sameAsPython } from "./sameAsPython.ts";

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

test("unretrieved exceptions: a task main holds and reads later is never reported", async (t) => {
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
    [t=3.000 Task-1] done? True True
    [t=3.000 Task-1] caught held
    [t=3.000 Task-1] asked ValueError('asked')
    `,
  );
});

test("unretrieved exceptions: a fire-and-forget task is reported when main ends, as CPython does when main ends with it", async (t) => {
  // CPython reports a dropped task the moment it is garbage; the port, which cannot see
  // references, when main returns. Here both moments coincide, so the transcripts agree.
  await sameAsPython(
    t,
    `
    import asyncio
    async def boom(msg, d):
        await asyncio.sleep(d)
        raise ValueError(msg)
    async def main():
        asyncio.create_task(boom("dropped", 1))
        kept = asyncio.create_task(boom("kept", 0.5))
        await asyncio.sleep(1)
        print("main ends", kept.done())
    asyncio.run(main())
    `,
    async () => {
      const boom = async (msg: string, d: number) => {
        await asyncio.sleep(d);
        throw new asyncio.ValueError(msg);
      };
      asyncio.createTask(() => boom("dropped", 1));
      const kept = asyncio.createTask(() => boom("kept", 0.5));
      await asyncio.sleep(1);
      print("main ends", kept.done());
    },
    `
    [t=1.000 Task-1] main ends True
    [t=1.000] LOOP-ERROR ValueError: kept
    [t=1.000] LOOP-ERROR ValueError: dropped
    `,
  );
});

test("unretrieved exceptions: the port's rule when main goes on after a dropped task fails (CPython reports it earlier)", async () => {
  const r = await record(async () => {
    const boom = async () => {
      await asyncio.sleep(1);
      throw new asyncio.ValueError("dropped");
    };
    asyncio.createTask(boom);
    await asyncio.sleep(3);
    print("main ends");
  });
  assert.equal(
    r.transcript,
    "[t=3.000 Task-1] main ends\n[t=3.000] LOOP-ERROR ValueError: dropped\n",
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

test("an eager promise still works as a task (its code ran in the creator's step)", async () => {
  const r = await record(async () => {
    const work = async () => {
      print("eager start");
      await asyncio.sleep(1);
      return 5;
    };
    const t1 = asyncio.createTask(work());
    print("created");
    return await t1;
  });
  assert.equal(r.result, 5);
  assert.equal(r.transcript, "[t=0.000 Task-1] eager start\n[t=0.000 Task-1] created\n");
});
