import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { dedent, hasPython, python, record } from "./helpers.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

test("run: main is Task-1, returns its result, times on the virtual clock", async (t) => {
  const r = await record(async () => {
    print("hello");
    await asyncio.sleep(1.5);
    print("world");
    return 7;
  });
  assert.equal(r.result, 7);
  assert.equal(r.transcript, "[t=0.000 Task-1] hello\n[t=1.500 Task-1] world\n");
  await sameAsPython(
    t,
    `
    import asyncio
    async def main():
        print("hello")
        await asyncio.sleep(1.5)
        print("world")
    asyncio.run(main())
    `,
    async () => {
      print("hello");
      await asyncio.sleep(1.5);
      print("world");
    },
  );
});

test("run: an exception escaping main is an EXC line and rejects the promise", async (t) => {
  const main = async () => {
    await asyncio.sleep(2);
    throw new asyncio.ValueError("bad");
  };
  const r = await record(main);
  assert.ok(r.error instanceof asyncio.ValueError);
  assert.equal(r.transcript, "[t=2.000] EXC ValueError: bad\n");
  await sameAsPython(
    t,
    `
    import asyncio
    async def main():
        await asyncio.sleep(2)
        raise ValueError("bad")
    asyncio.run(main())
    `,
    main,
  );
});

test("run: tasks left pending are cancelled at shutdown; their finally blocks print", async (t) => {
  const bg = async (n: number) => {
    try {
      await asyncio.sleep(10);
    } finally {
      print("cleanup", n);
    }
  };
  const main = async () => {
    asyncio.createTask(() => bg(1));
    asyncio.createTask(() => bg(2));
    await asyncio.sleep(1);
    print("main done");
  };
  await sameAsPython(
    t,
    `
    import asyncio
    async def bg(n):
        try:
            await asyncio.sleep(10)
        finally:
            print("cleanup", n)
    async def main():
        asyncio.create_task(bg(1))
        asyncio.create_task(bg(2))
        await asyncio.sleep(1)
        print("main done")
    asyncio.run(main())
    `,
    main,
    `
    [t=1.000 Task-1] main done
    [t=1.000 Task-2] cleanup 1
    [t=1.000 Task-3] cleanup 2
    `,
  );
});

test("run: calling run inside a running task throws RuntimeError", async (t) => {
  const main = async () => {
    try {
      asyncio.run(async () => {});
    } catch (e) {
      print(e instanceof asyncio.RuntimeError, String((e as Error).message));
    }
  };
  await sameAsPython(
    t,
    `
    import asyncio
    async def other():
        pass
    async def main():
        c = other()
        try:
            asyncio.run(c)
        except RuntimeError as e:
            print(True, str(e))
        c.close()
    asyncio.run(main())
    `,
    main,
  );
});

test("run: a second run at top level waits for the first; its main task is Task-4, as in CPython", async (t) => {
  asyncio.resetRuntime();
  const events: asyncio.TraceEvent[] = [];
  asyncio.configure({ trace: (e) => events.push(e) });
  const a = asyncio.run(async () => {
    await asyncio.sleep(0);
    print("first", asyncio.currentTask()?.getName());
  });
  const b = asyncio.run(async () => {
    print("second", asyncio.currentTask()?.getName());
  });
  await Promise.all([a, b]);
  asyncio.resetRuntime();
  const ts = asyncio.transcript(events);
  assert.equal(ts, "[t=0.000 Task-1] first Task-1\n[t=0.000 Task-4] second Task-4\n");
  if (!hasPython()) return t.diagnostic("python3 >= 3.11 not found");
  // CPython's asyncio.run shuts down with two tasks (shutdown_asyncgens, shutdown_default_executor).
  assert.equal(
    ts,
    await python(
      dedent(`
      import asyncio
      async def first():
          await asyncio.sleep(0)
          print("first", asyncio.current_task().get_name())
      async def second():
          print("second", asyncio.current_task().get_name())
      asyncio.run(first())
      asyncio.run(second())
      `),
    ),
  );
});

test("run: the returned promise is handled (no unhandledRejection) and still rejects", async () => {
  let unhandled = 0;
  const onUnhandled = () => {
    unhandled += 1;
  };
  process.on("unhandledRejection", onUnhandled);
  asyncio.resetRuntime();
  asyncio.configure({ trace: () => {} });
  const p = asyncio.run(async () => {
    throw new asyncio.ValueError("x");
  });
  await new Promise((r) => setTimeout(r, 20));
  process.off("unhandledRejection", onUnhandled);
  assert.equal(unhandled, 0);
  await assert.rejects(p, asyncio.ValueError);
  asyncio.resetRuntime();
});

test("run: onRunStart/onRunEnd hooks report the end status and time", async () => {
  const ends: asyncio.RunEnd[] = [];
  let starts = 0;
  await record(
    async () => {
      await asyncio.sleep(3);
    },
    { onRunStart: () => starts++, onRunEnd: (e) => ends.push(e) },
  );
  assert.equal(starts, 1);
  assert.deepEqual(ends, [{ status: "finished", t: 3, error: null }]);
});

test("run: limits.maxTime and limits.maxSteps fail a runaway run with a clear error", async () => {
  const forever = async () => {
    for (;;) await asyncio.sleep(1);
  };
  const r = await record(forever, { limits: { maxTime: 100 } });
  assert.ok(r.error instanceof asyncio.RuntimeError);
  assert.match(String((r.error as Error).message), /limits\.maxTime/);
  const spin = async () => {
    for (;;) await asyncio.sleep(0);
  };
  const r2 = await record(spin, { limits: { maxSteps: 1000 } });
  assert.match(String((r2.error as Error).message), /limits\.maxSteps/);
  assert.match(r2.transcript, /EXC RuntimeError: run stopped after 1000 loop steps/);
});

test("run: a deadlock (every task waits, nothing can wake them) fails instead of hanging", async () => {
  const r = await record(
    async () => {
      await asyncio.getRunningLoop().createFuture();
    },
    { limits: { deadlockMs: 10 } },
  );
  assert.match(String((r.error as Error).message), /deadlock/);
});
