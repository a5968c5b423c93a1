/**
 * "Task exception was never retrieved" (src/runtime/asyncio/unretrieved.ts): each way a reader
 * holds a task, as a whole program compiled as the page compiles it (the compiler marks dropped
 * and local tasks) and run as the page runs it, against CPython 3.11's transcript.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileReader } from "../../../scripts/lib/compile-reader.ts";
import { FreshWorkerPool } from "../../../scripts/lib/fresh-worker-pool.ts";
import { dedent, hasPython, python } from "./helpers.ts";

const pool = new FreshWorkerPool(2);

const PY_BOOM = `
import asyncio
async def boom(msg, d):
    await asyncio.sleep(d)
    raise ValueError(msg)
`;
const TS_BOOM = `
import * as asyncio from "asyncio";
async function boom(msg: string, d: number): Promise<never> {
  await asyncio.sleep(d);
  throw new asyncio.ValueError(msg);
}
`;

async function runTs(source: string): Promise<string> {
  return (await pool.run(await compileReader(dedent(TS_BOOM) + dedent(source)))).transcript;
}

/**
 * The TypeScript program prints `expected`, and CPython prints it for the Python one (or
 * `cpython`, where the port is known to differ: the README says why).
 */
async function same(
  t: { diagnostic(s: string): void },
  py: string,
  ts: string,
  expected: string,
  cpython: string = expected,
) {
  assert.equal(await runTs(ts), dedent(expected));
  if (!hasPython()) {
    t.diagnostic("python3 >= 3.11 not found: compared with the expected transcript only");
    return;
  }
  assert.equal(await python(dedent(PY_BOOM) + dedent(py)), dedent(cpython));
}

test("a task held in main's variable, untouched until it fails, then read: never reported", async (t) => {
  await same(
    t,
    `
    async def main():
        task = asyncio.create_task(boom("read later", 1))
        await asyncio.sleep(3)
        try:
            await task
        except ValueError as e:
            print("caught", e)
    asyncio.run(main())
    `,
    `
    async function main() {
      const task = asyncio.createTask(() => boom("read later", 1));
      await asyncio.sleep(3);
      try {
        await task;
      } catch (e) {
        print("caught", e);
      }
    }
    asyncio.run(main);
    `,
    `
    [t=3.000 Task-1] caught read later
    `,
  );
});

test("held in main's variable, a list or a dict and never read: reported as main ends", async (t) => {
  await same(
    t,
    `
    async def main():
        task = asyncio.create_task(boom("in a variable", 0.5))
        tasks = [asyncio.create_task(boom("in a list", 0.5))]
        named = {"k": asyncio.create_task(boom("in a dict", 0.5))}
        await asyncio.sleep(1)
        print("main ends")
    asyncio.run(main())
    `,
    `
    async function main() {
      const task = asyncio.createTask(() => boom("in a variable", 0.5));
      const tasks = [asyncio.createTask(() => boom("in a list", 0.5))];
      const named = { k: asyncio.createTask(() => boom("in a dict", 0.5)) };
      await asyncio.sleep(1);
      print("main ends");
    }
    asyncio.run(main);
    `,
    `
    [t=1.000 Task-1] main ends
    [t=1.000] LOOP-ERROR ValueError: in a variable
    [t=1.000] LOOP-ERROR ValueError: in a list
    [t=1.000] LOOP-ERROR ValueError: in a dict
    `,
  );
});

test("create_task as a statement of its own (fire and forget): reported when it fails", async (t) => {
  await same(
    t,
    `
    async def main():
        asyncio.create_task(boom("dropped", 0.5))
        await asyncio.sleep(1)
        print("main ends")
    asyncio.run(main())
    `,
    `
    async function main() {
      asyncio.createTask(() => boom("dropped", 0.5));
      await asyncio.sleep(1);
      print("main ends");
    }
    asyncio.run(main);
    `,
    `
    [t=0.500] LOOP-ERROR ValueError: dropped
    [t=1.000 Task-1] main ends
    `,
  );
});

test("held in the variable of a task that ends: reported as it ends, or when it fails if later", async (t) => {
  await same(
    t,
    `
    async def spawner():
        t = asyncio.create_task(boom("held by spawner", 0.5))
        await asyncio.sleep(1)
        print("spawner ends")
    async def spawner_early():
        t = asyncio.create_task(boom("spawner gone", 1.5))
        print("early spawner ends")
    async def main():
        await asyncio.gather(spawner(), spawner_early())
        await asyncio.sleep(2)
        print("main ends")
    asyncio.run(main())
    `,
    `
    async function spawner() {
      const t = asyncio.createTask(() => boom("held by spawner", 0.5));
      await asyncio.sleep(1);
      print("spawner ends");
    }
    async function spawnerEarly() {
      const t = asyncio.createTask(() => boom("spawner gone", 1.5));
      print("early spawner ends");
    }
    async function main() {
      await asyncio.gather(spawner, spawnerEarly);
      await asyncio.sleep(2);
      print("main ends");
    }
    asyncio.run(main);
    `,
    `
    [t=0.000 Task-3] early spawner ends
    [t=1.000 Task-2] spawner ends
    [t=1.000] LOOP-ERROR ValueError: held by spawner
    [t=1.500] LOOP-ERROR ValueError: spawner gone
    [t=3.000 Task-1] main ends
    `,
  );
});

test("dropped with a done callback: reported after the callback ran, not if it read the exception", async (t) => {
  await same(
    t,
    `
    def read(t):
        print("callback reads", repr(t.exception()))
    async def main():
        asyncio.create_task(boom("read", 0.5)).add_done_callback(read)
        await asyncio.sleep(1)
        print("main ends")
    asyncio.run(main())
    `,
    `
    const read = (t: asyncio.Future<unknown>) => print("callback reads", asyncio.pyRepr(t.exception()));
    async function main() {
      asyncio.createTask(() => boom("read", 0.5)).addDoneCallback(read);
      await asyncio.sleep(1);
      print("main ends");
    }
    asyncio.run(main);
    `,
    `
    [t=0.500] callback reads ValueError('read')
    [t=1.000 Task-1] main ends
    `,
  );
});

test("dropped with a callback chained on it: reported right after the callback ran", async (t) => {
  await same(
    t,
    `
    def look(t):
        print("callback sees", t.get_name())
    async def main():
        asyncio.create_task(boom("looked at", 0.5)).add_done_callback(look)
        await asyncio.sleep(1)
        print("main ends")
    asyncio.run(main())
    `,
    `
    const look = (t: asyncio.Future<unknown>) => print("callback sees", (t as asyncio.Task<unknown>).getName());
    async function main() {
      asyncio.createTask(() => boom("looked at", 0.5)).addDoneCallback(look);
      await asyncio.sleep(1);
      print("main ends");
    }
    asyncio.run(main);
    `,
    `
    [t=0.500] callback sees Task-2
    [t=0.500] LOOP-ERROR ValueError: looked at
    [t=1.000 Task-1] main ends
    `,
  );
});

test("the documented background set: a variable rebound in a loop lets go of the task it held", async (t) => {
  // bg0 is let go when the loop rebinds `t` and the callback discards it from the set: reported
  // when it fails; bg1 stays in `t` until main ends.
  await same(
    t,
    `
    background = set()
    async def main():
        for i in range(2):
            t = asyncio.create_task(boom(f"bg{i}", 0.5))
            background.add(t)
            t.add_done_callback(background.discard)
        await asyncio.sleep(1)
        print("main ends")
    asyncio.run(main())
    `,
    `
    const background = new Set<asyncio.Future<unknown>>();
    async function main() {
      for (let i = 0; i < 2; i++) {
        const t = asyncio.createTask(() => boom(\`bg\${i}\`, 0.5));
        background.add(t);
        t.addDoneCallback((done) => background.delete(done));
      }
      await asyncio.sleep(1);
      print("main ends");
    }
    asyncio.run(main);
    `,
    `
    [t=0.500] LOOP-ERROR ValueError: bg0
    [t=1.000 Task-1] main ends
    [t=1.000] LOOP-ERROR ValueError: bg1
    `,
  );
});

test("TaskGroup children are read by the group: an ExceptionGroup, never 'never retrieved'", async (t) => {
  await same(
    t,
    `
    async def main():
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(boom("child", 0.5))
                kept = tg.create_task(boom("kept child", 0.5))
        except* ValueError as eg:
            print("group:", sorted(str(e) for e in eg.exceptions))
        await asyncio.sleep(1)
        print("main ends")
    asyncio.run(main())
    `,
    `
    async function main() {
      try {
        await asyncio.TaskGroup.run(async (tg) => {
          tg.createTask(() => boom("child", 0.5));
          const kept = tg.createTask(() => boom("kept child", 0.5));
        });
      } catch (e) {
        if (!(e instanceof asyncio.ExceptionGroup)) throw e;
        print("group:", e.exceptions.map((x) => String((x as Error).message)).sort());
      }
      await asyncio.sleep(1);
      print("main ends");
    }
    asyncio.run(main);
    `,
    `
    [t=0.500 Task-1] group: ['child', 'kept child']
    [t=1.500 Task-1] main ends
    `,
  );
});

test("held by a module-level list: reported as main ends (CPython: at exit, after what follows run)", async (t) => {
  await same(
    t,
    `
    keep = []
    async def main():
        keep.append(asyncio.create_task(boom("global", 0.5)))
        await asyncio.sleep(1)
        print("main ends")
    asyncio.run(main())
    `,
    `
    const keep: asyncio.Task<never>[] = [];
    async function main() {
      keep.push(asyncio.createTask(() => boom("global", 0.5)));
      await asyncio.sleep(1);
      print("main ends");
    }
    asyncio.run(main);
    `,
    `
    [t=1.000 Task-1] main ends
    [t=1.000] LOOP-ERROR ValueError: global
    `,
  );
});

test("a statement that passes an old task through (ensureFuture) does not drop it", async (t) => {
  await same(
    t,
    `
    async def main():
        task = asyncio.create_task(boom("old", 0.5))
        asyncio.ensure_future(task)
        await asyncio.sleep(1)
        try:
            await task
        except ValueError as e:
            print("caught", e)
    asyncio.run(main())
    `,
    `
    async function main() {
      const task = asyncio.createTask(() => boom("old", 0.5));
      asyncio.ensureFuture(task);
      await asyncio.sleep(1);
      try {
        await task;
      } catch (e) {
        print("caught", e);
      }
    }
    asyncio.run(main);
    `,
    `
    [t=1.000 Task-1] caught old
    `,
  );
});
