/**
 * Every version-gated behaviour of the runtime (`python-version.ts`), run with the runtime
 * following 3.11, 3.12 and 3.13 and compared with each of those interpreters; each test also
 * asserts that the versions do differ, so a gate that stopped working would fail here.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import {
  pythonVersion,
  SINCE,
  setPythonVersion,
  since,
} from "../../../src/runtime/asyncio/python-version.ts";
import { record } from "./helpers.ts";
import { sameOnEveryVersion } from "./sameAsPython.ts";

const { print } = asyncio;

test("since(): a version follows every change up to it, not those after; the newest the table names (3.14) and one it does not name yet (3.15) follow all; a patch version is refused", () => {
  try {
    setPythonVersion("3.11");
    assert.equal(since("waitForOnTimeout"), false);
    setPythonVersion("3.12");
    assert.equal(since("waitForOnTimeout"), true);
    assert.equal(since("namedTaskTakesNoNumber"), false);
    for (const version of ["3.14", "3.15"] as const) {
      setPythonVersion(version);
      for (const behaviour of Object.keys(SINCE) as (keyof typeof SINCE)[])
        assert.equal(since(behaviour), true, `${version} ${behaviour}`);
    }
    // The table's newest entry is 3.14's: 3.13 does not follow it.
    setPythonVersion("3.13");
    assert.equal(since("createTaskEagerStart"), false);
    assert.throws(() => setPythonVersion("3.11.7" as "3.11"), TypeError);
  } finally {
    asyncio.resetRuntime();
  }
  assert.equal(pythonVersion(), "3.11", "resetRuntime goes back to 3.11");
});

test("task numbering: a task named at creation takes a number before 3.13, not since", async (t) => {
  const out = await sameOnEveryVersion(
    t,
    `
    import asyncio
    async def job():
        await asyncio.sleep(0)
    async def main():
        asyncio.create_task(job(), name="named")
        b = asyncio.create_task(job())
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job(), name="in-group")
            d = tg.create_task(job())
        asyncio.get_running_loop().create_task(job(), name="on-loop")
        f = asyncio.create_task(job())
        print(b.get_name(), d.get_name(), f.get_name())
        await f
    asyncio.run(main())
    `,
    async () => {
      const job = () => asyncio.sleep(0);
      asyncio.createTask(job, { name: "named" });
      const b = asyncio.createTask(job);
      let dName = "";
      await asyncio.TaskGroup.run(async (tg) => {
        tg.createTask(job, { name: "in-group" });
        dName = tg.createTask(job).getName();
      });
      asyncio.getRunningLoop().createTask(job, { name: "on-loop" });
      const f = asyncio.createTask(job);
      print(b.getName(), dName, f.getName());
      await f;
    },
    {
      "3.11": "[t=0.000 Task-1] Task-3 Task-5 Task-6\n",
      "3.12": "[t=0.000 Task-1] Task-3 Task-5 Task-6\n",
      "3.13": "[t=0.000 Task-1] Task-2 Task-3 Task-4\n",
    },
  );
  assert.notEqual(out.get("3.12"), out.get("3.13"));
});

test("wait_for: a new task until 3.11, the awaiting task since 3.12 (on timeout, too)", async (t) => {
  const out = await sameOnEveryVersion(
    t,
    `
    import asyncio
    async def slow(d):
        try:
            print("slow in", asyncio.current_task().get_name())
            await asyncio.sleep(d)
            return d
        except asyncio.CancelledError:
            print("cancelled in", asyncio.current_task().get_name())
            raise
    async def main():
        print(await asyncio.wait_for(slow(1), 2))
        try:
            await asyncio.wait_for(slow(5), 2)
        except TimeoutError as e:
            print("timeout", repr(e), repr(e.__cause__))
        try:
            await asyncio.wait_for(slow(5), 0)
        except TimeoutError:
            print("timeout at 0")
        print(await asyncio.wait_for(slow(1), None))
        t = asyncio.create_task(slow(3))
        try:
            await asyncio.wait_for(t, 1)
        except TimeoutError:
            print("task cancelled:", t.cancelled())
        print(asyncio.create_task(slow(0)).get_name())
    asyncio.run(main())
    `,
    async () => {
      const slow = async (d: number) => {
        try {
          print("slow in", asyncio.currentTask()!.getName());
          await asyncio.sleep(d);
          return d;
        } catch (e) {
          print("cancelled in", asyncio.currentTask()!.getName());
          throw e;
        }
      };
      print(await asyncio.waitFor(() => slow(1), 2));
      try {
        await asyncio.waitFor(() => slow(5), 2);
      } catch (e) {
        if (!(e instanceof asyncio.TimeoutError)) throw e;
        print("timeout", asyncio.pyRepr(e), asyncio.pyRepr((e as { cause?: unknown }).cause));
      }
      try {
        await asyncio.waitFor(() => slow(5), 0);
      } catch (e) {
        if (!(e instanceof asyncio.TimeoutError)) throw e;
        print("timeout at 0");
      }
      print(await asyncio.waitFor(() => slow(1), null));
      const task = asyncio.createTask(() => slow(3));
      try {
        await asyncio.waitFor(task, 1);
      } catch (e) {
        if (!(e instanceof asyncio.TimeoutError)) throw e;
        print("task cancelled:", task.cancelled());
      }
      print(asyncio.createTask(() => slow(0)).getName());
    },
  );
  assert.notEqual(out.get("3.11"), out.get("3.12"));
  assert.equal(out.get("3.12"), out.get("3.13"));
});

test("as_completed: async for is a TypeError before 3.13 and yields the tasks since; the tasks start when it is called since 3.13", async (t) => {
  const out = await sameOnEveryVersion(
    t,
    `
    import asyncio
    async def job(name, d):
        print("start", name)
        await asyncio.sleep(d)
        return name
    async def main():
        # One coroutine: 3.13 wraps a set of them in tasks in an order that follows addresses.
        it = asyncio.as_completed([job("a", 2)])
        await asyncio.sleep(0)
        print("iterating")
        for next_done in it:
            print(await next_done)
        tasks = [asyncio.create_task(job(n, d)) for n, d in (("c", 2), ("d", 1))]
        try:
            async for task in asyncio.as_completed(tasks):
                print(task.get_name(), task.result(), task in tasks)
        except TypeError as e:
            print(type(e).__name__, e)
            await asyncio.gather(*tasks)
    asyncio.run(main())
    `,
    async () => {
      const job = async (name: string, d: number) => {
        print("start", name);
        await asyncio.sleep(d);
        return name;
      };
      const it = asyncio.asCompleted([() => job("a", 2)]);
      await asyncio.sleep(0);
      print("iterating");
      for (const nextDone of it) print(await nextDone);
      const tasks = (
        [
          ["c", 2],
          ["d", 1],
        ] as const
      ).map(([n, d]) => asyncio.createTask(() => job(n, d)));
      try {
        // TypeScript types a `for await` variable as the awaited value; it is the task itself.
        for await (const done of asyncio.asCompleted(tasks)) {
          const task = done as unknown as asyncio.Task<string>;
          print(task.getName(), task.result(), tasks.includes(task));
        }
      } catch (e) {
        if (!(e instanceof TypeError)) throw e;
        print(e.name, e.message);
        await asyncio.gather(...tasks);
      }
    },
  );
  assert.equal(out.get("3.11"), out.get("3.12"));
  assert.notEqual(out.get("3.12"), out.get("3.13"));
});

test("Queue.shutdown: an AttributeError before 3.13; since, waiting getters and putters raise QueueShutDown", async (t) => {
  const out = await sameOnEveryVersion(
    t,
    `
    import asyncio
    async def getter(q, name):
        try:
            while True:
                item = await q.get()
                print(name, "got", item)
                q.task_done()
        except Exception as e:
            print(name, type(e).__name__)
    async def main():
        q = asyncio.Queue(maxsize=1)
        workers = [asyncio.create_task(getter(q, n)) for n in ("w1", "w2")]
        await q.put(1)
        await asyncio.sleep(0.5)
        try:
            q.shutdown()
        except AttributeError as e:
            print(type(e).__name__, e)
            for w in workers:
                w.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
            return
        await asyncio.gather(*workers)
        try:
            await q.put(2)
        except Exception as e:
            print("put", type(e).__name__)
        full = asyncio.Queue(maxsize=1)
        full.put_nowait("x")
        putter = asyncio.create_task(full.put("y"))
        await asyncio.sleep(0)
        full.shutdown(immediate=True)
        try:
            await putter
        except Exception as e:
            print("waiting put", type(e).__name__, full.qsize())
        await full.join()
        print("joined")
        try:
            full.get_nowait()
        except Exception as e:
            print("get_nowait", type(e).__name__)
    asyncio.run(main())
    `,
    async () => {
      const getter = async (q: asyncio.Queue<number>, name: string) => {
        try {
          for (;;) {
            const item = await q.get();
            print(name, "got", item);
            q.taskDone();
          }
        } catch (e) {
          if (e instanceof asyncio.CancelledError) throw e;
          print(name, (e as Error).name);
        }
      };
      const q = new asyncio.Queue<number>(1);
      const workers = ["w1", "w2"].map((n) => asyncio.createTask(() => getter(q, n)));
      await q.put(1);
      await asyncio.sleep(0.5);
      try {
        q.shutdown();
      } catch (e) {
        if (!(e instanceof asyncio.AttributeError)) throw e;
        print(e.name, e.message);
        for (const w of workers) w.cancel();
        await asyncio.gather(...workers, { returnExceptions: true });
        return;
      }
      await asyncio.gather(...workers);
      try {
        await q.put(2);
      } catch (e) {
        print("put", (e as Error).name);
      }
      const full = new asyncio.Queue<string>(1);
      full.putNowait("x");
      const putter = asyncio.createTask(full.put("y"));
      await asyncio.sleep(0);
      full.shutdown(true);
      try {
        await putter;
      } catch (e) {
        print("waiting put", (e as Error).name, full.qsize());
      }
      await full.join();
      print("joined");
      try {
        full.getNowait();
      } catch (e) {
        print("get_nowait", (e as Error).name);
      }
    },
  );
  assert.equal(out.get("3.11"), out.get("3.12"));
  assert.notEqual(out.get("3.12"), out.get("3.13"));
});

test("the version is the host's: it holds for the whole run, and resetRuntime restores 3.11", async () => {
  const r = await record(
    async () => {
      print(asyncio.host.pythonVersion());
    },
    { python: "3.13" },
  );
  assert.equal(r.transcript, "[t=0.000 Task-1] 3.13\n");
  assert.equal(asyncio.host.pythonVersion(), "3.11");
});

test("Server.wait_closed: returns at once after close() before 3.12, waits for the connections since", async (t) => {
  const out = await sameOnEveryVersion(
    t,
    `
    import asyncio
    async def handle(reader, writer):
        await asyncio.sleep(1)
        writer.close()
        await writer.wait_closed()
        print("handler done")
    async def main():
        server = await asyncio.start_server(handle, "127.0.0.1", 7100)
        reader, writer = await asyncio.open_connection("127.0.0.1", 7100)
        await asyncio.sleep(0.1)
        server.close()
        await server.wait_closed()
        print("closed")
        await reader.read()
        writer.close()
        await writer.wait_closed()
        await asyncio.sleep(0.5)
    asyncio.run(main())
    `,
    async () => {
      const handle = async (_r: asyncio.StreamReader, w: asyncio.StreamWriter) => {
        await asyncio.sleep(1);
        w.close();
        await w.waitClosed();
        print("handler done");
      };
      const server = await asyncio.startServer(handle, "127.0.0.1", 7100);
      const [reader, writer] = await asyncio.openConnection("127.0.0.1", 7100);
      await asyncio.sleep(0.1);
      server.close();
      await server.waitClosed();
      print("closed");
      await reader.read();
      writer.close();
      await writer.waitClosed();
      await asyncio.sleep(0.5);
    },
  );
  assert.notEqual(out.get("3.11"), out.get("3.12"));
  assert.equal(out.get("3.12"), out.get("3.13"));
});
