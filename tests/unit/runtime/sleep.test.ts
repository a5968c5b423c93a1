import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { record } from "./helpers.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

test("sleep(0) yields exactly one iteration; tasks interleave as in CPython", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def w(name, n):
        for i in range(n):
            print(name, i)
            await asyncio.sleep(0)
    async def main():
        await asyncio.gather(w("a", 3), w("b", 2), w("c", 1))
    asyncio.run(main())
    `,
    async () => {
      const w = async (name: string, n: number) => {
        for (let i = 0; i < n; i++) {
          print(name, i);
          await asyncio.sleep(0);
        }
      };
      await asyncio.gather(
        () => w("a", 3),
        () => w("b", 2),
        () => w("c", 1),
      );
    },
  );
});

test("equal deadlines fire in the order the timers were set, as on a real clock; times are exact; result argument", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def w(i, d):
        r = await asyncio.sleep(d, result=i * 10)
        print("woke", i, r)
    async def main():
        await asyncio.gather(*(w(i, 1 + (i % 3) * 0.1) for i in range(12)))
        await asyncio.sleep(0.1)
        await asyncio.sleep(0.2)
        print("done")
    asyncio.run(main())
    `,
    async () => {
      const w = async (i: number, d: number) => {
        const r = await asyncio.sleep(d, i * 10);
        print("woke", i, r);
      };
      await asyncio.gather(...Array.from({ length: 12 }, (_, i) => () => w(i, 1 + (i % 3) * 0.1)));
      await asyncio.sleep(0.1);
      await asyncio.sleep(0.2);
      print("done");
    },
  );
});

test("cancelling a sleep cancels its timer; a sleep does nothing until awaited", async () => {
  const r = await record(async () => {
    const loop = asyncio.getRunningLoop();
    const idle = asyncio.sleep(100);
    const t1 = asyncio.createTask(() => asyncio.sleep(50));
    await asyncio.sleep(0);
    print(loop._scheduled.length);
    t1.cancel();
    await asyncio.sleep(0);
    print(t1.cancelled(), loop._scheduled.filter((h) => !h.cancelled()).length, typeof idle.then);
  });
  assert.equal(r.transcript, "[t=0.000 Task-1] 1\n[t=0.000 Task-1] True 0 function\n");
});

test("blockingSleep holds the loop: time advances without yielding to other tasks", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio, time
    async def other():
        print("other")
    async def main():
        asyncio.create_task(other())
        time.sleep(2)  # the recorder's time.sleep holds the loop and advances virtual time
        print("after block")
        await asyncio.sleep(0)
    asyncio.run(main())
    `,
    async () => {
      asyncio.createTask(async () => print("other"));
      asyncio.blockingSleep(2);
      print("after block");
      await asyncio.sleep(0);
    },
    `
    [t=2.000 Task-1] after block
    [t=2.000 Task-2] other
    `,
  );
});

test("sleep outside a running loop throws RuntimeError when awaited", async () => {
  assert.throws(() => asyncio.sleep(1).then(() => {}), asyncio.RuntimeError);
});

test("sleep(0) given to a task as a coroutine yields in that task, not in the one that made it", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def p(x):
        print(x)
    async def main():
        t = asyncio.create_task(asyncio.sleep(0))
        asyncio.create_task(p("other"))
        print("main goes on", t.done())
        await asyncio.sleep(0)
        print("main back", t.done())
        r = await asyncio.gather(asyncio.sleep(0), asyncio.sleep(0, "x"))
        print(r, t.done())
    asyncio.run(main())
    `,
    async () => {
      const p = async (x: string) => print(x);
      const t = asyncio.createTask(asyncio.sleep(0));
      asyncio.createTask(() => p("other"));
      print("main goes on", t.done());
      await asyncio.sleep(0);
      print("main back", t.done());
      const r = await asyncio.gather(asyncio.sleep(0), asyncio.sleep(0, "x"));
      print(r, t.done());
    },
    `
    [t=0.000 Task-1] main goes on False
    [t=0.000 Task-3] other
    [t=0.000 Task-1] main back False
    [t=0.000 Task-1] [None, 'x'] True
    `,
  );
});

test("sleep(0) made, then more work, then awaited: the task yields after what the step scheduled", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def p(x):
        print(x)
    async def main():
        s = asyncio.sleep(0)
        asyncio.create_task(p("scheduled after the sleep was made"))
        print("before the await")
        await s
        print("main back")
    asyncio.run(main())
    `,
    async () => {
      const s = asyncio.sleep(0);
      asyncio.createTask(() => print("scheduled after the sleep was made"));
      print("before the await");
      await s;
      print("main back");
    },
    `
    [t=0.000 Task-1] before the await
    [t=0.000 Task-2] scheduled after the sleep was made
    [t=0.000 Task-1] main back
    `,
  );
});

test("sleep(0) beside a future in one Promise.all: the step parks on both, resumes when both are done", async () => {
  const r = await record(async () => {
    const fut = asyncio.getRunningLoop().createFuture<number>();
    asyncio.createTask(async () => {
      print("setter");
      fut.setResult(7);
    });
    const both = await Promise.all([asyncio.sleep(0), fut]);
    print("both", both[1]);
  });
  assert.equal(r.error, undefined);
  assert.equal(r.transcript, "[t=0.000 Task-2] setter\n[t=0.000 Task-1] both 7\n");
});

test("the trace shows a sleep(0) as a wait on sleep(0), ended by the next step", async () => {
  const r = await record(async () => {
    await asyncio.sleep(0);
    print("back");
  });
  const kinds = r.events.map((e) =>
    e.type === "suspended"
      ? `suspended:${e.task}:${e.on}`
      : `${e.type}:${"task" in e ? e.task : ""}`,
  );
  assert.deepEqual(kinds, [
    "created:1",
    "started:1",
    "suspended:1:sleep(0)",
    "resumed:1",
    "print:1",
    "done:1",
  ]);
});

test("sleep(0) given to waitFor and shield runs in their task, as in CPython", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def p(x):
        print(x)
    async def main():
        asyncio.create_task(p("other"))
        r = await asyncio.wait_for(asyncio.sleep(0), 1)
        print("wait_for gave", r)
        r = await asyncio.shield(asyncio.sleep(0))
        print("shield gave", r)
    asyncio.run(main())
    `,
    async () => {
      asyncio.createTask(() => print("other"));
      let r = await asyncio.waitFor(asyncio.sleep(0), 1);
      print("wait_for gave", r);
      r = await asyncio.shield(asyncio.sleep(0));
      print("shield gave", r);
    },
    `
    [t=0.000 Task-2] other
    [t=0.000 Task-1] wait_for gave None
    [t=0.000 Task-1] shield gave None
    `,
  );
});
