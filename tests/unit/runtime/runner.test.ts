import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { dedent, hasPython, python } from "./helpers.ts";

const { print } = asyncio;

/**
 * The transcript of a whole program (several runs), on a fresh runtime. One virtual clock for the
 * whole program, as the recorder of CPython's transcripts has (a new loop does not restart it).
 */
async function programTranscript(program: () => Promise<void>): Promise<string> {
  asyncio.resetRuntime();
  const events: asyncio.TraceEvent[] = [];
  asyncio.configure({ trace: (e) => events.push(e), clock: new asyncio.VirtualClock() });
  try {
    await program();
  } finally {
    asyncio.resetRuntime();
  }
  return asyncio.transcript(events);
}

test("Runner: runs share one loop (a task started by one run goes on in the next); close cancels the rest; names as in CPython", async (t) => {
  const ts = await programTranscript(async () => {
    let bg: asyncio.Task<void> | null = null;
    let idle: asyncio.Task<void> | null = null;
    const runner = new asyncio.Runner();
    await runner.run(async () => {
      bg = asyncio.createTask(async () => {
        print("bg start");
        await asyncio.sleep(5);
        print("bg done");
      });
      idle = asyncio.createTask(async () => {
        try {
          await asyncio.sleep(100);
        } finally {
          print("idle cleanup");
        }
      });
      await asyncio.sleep(1);
      print("first", asyncio.currentTask()?.getName());
    });
    const got = await runner.run(async () => {
      await asyncio.sleep(10);
      print("second", asyncio.currentTask()?.getName(), bg?.done(), idle?.done());
      return 42;
    });
    print("got", got, runner.getLoop().isClosed());
    await runner.close();
    await asyncio.run(async () => {
      print("after", asyncio.currentTask()?.getName());
    });
  });
  assert.equal(
    ts,
    dedent(`
    [t=0.000 Task-2] bg start
    [t=1.000 Task-1] first Task-1
    [t=5.000 Task-2] bg done
    [t=11.000 Task-4] second Task-4 True False
    [t=11.000] got 42 False
    [t=11.000 Task-3] idle cleanup
    [t=11.000 Task-7] after Task-7
    `),
  );
  if (!hasPython()) return t.diagnostic("python3 >= 3.11 not found");
  assert.equal(
    ts,
    await python(
      dedent(`
      import asyncio
      bg = idle = None
      async def first():
          global bg, idle
          async def bg_body():
              print("bg start")
              await asyncio.sleep(5)
              print("bg done")
          async def idle_body():
              try:
                  await asyncio.sleep(100)
              finally:
                  print("idle cleanup")
          bg = asyncio.create_task(bg_body())
          idle = asyncio.create_task(idle_body())
          await asyncio.sleep(1)
          print("first", asyncio.current_task().get_name())
      async def second():
          await asyncio.sleep(10)
          print("second", asyncio.current_task().get_name(), bg.done(), idle.done())
          return 42
      runner = asyncio.Runner()
      runner.run(first())
      got = runner.run(second())
      print("got", got, runner.get_loop().is_closed())
      runner.close()
      async def after():
          print("after", asyncio.current_task().get_name())
      asyncio.run(after())
      `),
    ),
  );
});

test("Runner: run() inside a running loop is a RuntimeError; a closed runner cannot run", async () => {
  const ts = await programTranscript(async () => {
    const runner = new asyncio.Runner();
    await runner.run(async () => {
      try {
        await runner.run(async () => {});
      } catch (e) {
        print(asyncio.pyRepr(e));
      }
    });
    await runner.close();
    await runner.close(); // twice is fine
    await runner.run(async () => {}).catch((e) => print(asyncio.pyRepr(e)));
  });
  assert.equal(
    ts,
    dedent(`
    [t=0.000 Task-1] RuntimeError('Runner.run() cannot be called from a running event loop')
    [t=0.000] RuntimeError('Runner is closed')
    `),
  );
});

test("Runner: an exception from main rejects run() and is not reported as escaping the program", async () => {
  const events: asyncio.TraceEvent[] = [];
  asyncio.resetRuntime();
  asyncio.configure({ trace: (e) => events.push(e) });
  const runner = new asyncio.Runner();
  await assert.rejects(
    runner.run(async () => {
      throw new asyncio.ValueError("bad");
    }),
    asyncio.ValueError,
  );
  await runner.close();
  asyncio.resetRuntime();
  assert.deepEqual(
    events.filter((e) => e.type === "exception"),
    [],
  );
});
