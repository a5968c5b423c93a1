/**
 * Signals sent by the simulated world: handlers from `loop.addSignalHandler`, Ctrl-C under
 * `asyncio.run` (3.11+), removal, errors. Each program is checked against CPython running the
 * same program with the recorder's `simulated.send_signal`.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { sendSignal } from "../../../src/sandbox/services/simulated.ts";
import { dedent, hasPython, python, pythonExecutable } from "./helpers.ts";
import { sameAsPython, scriptSameAsPython } from "./sameAsPython.ts";

const { print, signal } = asyncio;

test("a SIGTERM handler runs two iterations after the signal, outside any task", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio, signal
    import simulated
    async def ticker():
        for i in range(10):
            print("tick", i)
            await asyncio.sleep(0.5)
    async def main():
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        def on_term(name):
            print("handler", name)
            stop.set()
        loop.add_signal_handler(signal.SIGTERM, on_term, "term")
        simulated.send_signal("SIGTERM", at=1.0)
        t = asyncio.create_task(ticker())
        loop.call_at(1.0, print, "timer at 1.0")
        await stop.wait()
        print("stopping")
        t.cancel()
        print(loop.remove_signal_handler(signal.SIGTERM), loop.remove_signal_handler(signal.SIGTERM))
    asyncio.run(main())
    `,
    async () => {
      const loop = asyncio.getRunningLoop();
      const stop = new asyncio.Event();
      loop.addSignalHandler(
        signal.SIGTERM,
        (name: string) => {
          print("handler", name);
          stop.set();
        },
        "term",
      );
      sendSignal("SIGTERM", { at: 1.0 });
      const ticker = asyncio.createTask(async () => {
        for (let i = 0; i < 10; i++) {
          print("tick", i);
          await asyncio.sleep(0.5);
        }
      });
      loop.callAt(1.0, print, "timer at 1.0");
      await stop.wait();
      print("stopping");
      ticker.cancel();
      print(loop.removeSignalHandler(signal.SIGTERM), loop.removeSignalHandler(signal.SIGTERM));
    },
    `
    [t=0.000 Task-2] tick 0
    [t=0.500 Task-2] tick 1
    [t=1.000] timer at 1.0
    [t=1.000 Task-2] tick 2
    [t=1.000] handler term
    [t=1.000 Task-1] stopping
    [t=1.000 Task-1] True False
    `,
  );
});

test("Ctrl-C under asyncio.run cancels the main task, cleanup runs, then KeyboardInterrupt", async (t) => {
  await scriptSameAsPython(
    t,
    `
    import asyncio
    import simulated
    async def bg():
        try:
            await asyncio.sleep(10)
        finally:
            print("bg cleanup")
    async def main():
        simulated.send_signal("SIGINT", at=1.0)
        t = asyncio.create_task(bg())
        try:
            print("working")
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            print("main cancelled")
            raise
        finally:
            await asyncio.sleep(0.5)
            print("cleanup done")
    asyncio.run(main())
    `,
    async () => {
      await asyncio
        .run(async () => {
          sendSignal("SIGINT", { at: 1.0 });
          asyncio.createTask(async () => {
            try {
              await asyncio.sleep(10);
            } finally {
              print("bg cleanup");
            }
          });
          try {
            print("working");
            await asyncio.sleep(5);
          } catch (e) {
            if (e instanceof asyncio.CancelledError) print("main cancelled");
            throw e;
          } finally {
            await asyncio.sleep(0.5);
            print("cleanup done");
          }
        })
        .catch(() => {});
    },
    `
    [t=0.000 Task-1] working
    [t=1.000 Task-1] main cancelled
    [t=1.500 Task-1] cleanup done
    [t=1.500 Task-2] bg cleanup
    [t=1.500] EXC KeyboardInterrupt
    `,
  );
});

test("Ctrl-C that main swallows: asyncio.run returns normally, no KeyboardInterrupt", async (t) => {
  await scriptSameAsPython(
    t,
    `
    import asyncio
    import simulated
    async def main():
        simulated.send_signal("SIGINT", at=1.0)
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            print("swallowed")
        return "done"
    assert asyncio.run(main()) == "done"
    `,
    async () => {
      const r = await asyncio.run(async () => {
        sendSignal("SIGINT", { at: 1.0 });
        try {
          await asyncio.sleep(5);
        } catch (e) {
          if (e instanceof asyncio.CancelledError) print("swallowed");
          else throw e;
        }
        return "done";
      });
      assert.equal(r, "done");
    },
    `
    [t=1.000 Task-1] swallowed
    `,
  );
});

test("a SIGINT handler from addSignalHandler replaces asyncio.run's Ctrl-C: nothing is cancelled", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio, signal
    import simulated
    async def main():
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGINT, print, "got SIGINT")
        simulated.send_signal(signal.SIGINT, at=1.0)
        await asyncio.sleep(2)
        print("still running")
    asyncio.run(main())
    `,
    async () => {
      const loop = asyncio.getRunningLoop();
      loop.addSignalHandler(signal.SIGINT, print, "got SIGINT");
      sendSignal(signal.SIGINT, { at: 1.0 });
      await asyncio.sleep(2);
      print("still running");
    },
  );
});

test("SIGTERM with no handler ends the program at once: no cleanup, no more output", async (t) => {
  const lines: string[] = [];
  asyncio.configure({
    trace: (ev) => {
      if (ev.type === "print") lines.push(ev.text);
      if (ev.type === "exception") lines.push(`EXC ${ev.lines.join()}`);
    },
  });
  let error: unknown = null;
  try {
    await asyncio.run(async () => {
      sendSignal("SIGTERM", { at: 1.0 });
      try {
        print("working");
        await asyncio.sleep(5);
      } finally {
        print("cleanup");
      }
    });
  } catch (e) {
    error = e;
  } finally {
    asyncio.resetRuntime();
  }
  assert.deepEqual(lines, ["working"]);
  assert.equal((error as Error).name, "ProcessTerminated");
  // CPython: the recording process itself dies of the signal, after printing only "working".
  const py = pythonExecutable();
  if (!py) return t.diagnostic("python3 >= 3.11 not found: TypeScript side only");
  const dir = mkdtempSync(join(tmpdir(), "sigterm-"));
  writeFileSync(
    join(dir, "main.py"),
    dedent(`
    import asyncio
    import simulated
    async def main():
        simulated.send_signal("SIGTERM", at=1.0)
        try:
            print("working")
            await asyncio.sleep(5)
        finally:
            print("cleanup")
    asyncio.run(main())
    `),
  );
  const r = spawnSync(py, ["scripts/python/record.py", join(dir, "main.py")], { encoding: "utf8" });
  rmSync(dir, { recursive: true });
  assert.equal(r.signal, "SIGTERM");
  assert.equal(r.stdout, "[t=0.000 Task-1] working\n");
});

test("addSignalHandler refuses what CPython refuses, with its messages", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio, signal
    import simulated
    async def main():
        loop = asyncio.get_running_loop()
        for sig, cb in ((999, print), ("x", print), (signal.SIGKILL, print), (signal.SIGTERM, main)):
            try:
                loop.add_signal_handler(sig, cb)
            except Exception as e:
                print(type(e).__name__, e)
        try:
            simulated.send_signal("SIGFOO", at=1)
        except Exception as e:
            print(type(e).__name__, e)
    asyncio.run(main())
    `,
    async () => {
      const loop = asyncio.getRunningLoop();
      const attempts: [unknown, unknown][] = [
        [999, print],
        ["x", print],
        [signal.SIGKILL, print],
        [signal.SIGTERM, async () => {}],
      ];
      for (const [sig, cb] of attempts) {
        try {
          loop.addSignalHandler(sig as number, cb as () => void);
        } catch (e) {
          print((e as Error).name, (e as Error).message);
        }
      }
      try {
        sendSignal("SIGFOO" as "SIGTERM", { at: 1 });
      } catch (e) {
        print((e as Error).name, (e as Error).message);
      }
    },
    `
    [t=0.000 Task-1] ValueError invalid signal number 999
    [t=0.000 Task-1] TypeError sig must be an int, not 'x'
    [t=0.000 Task-1] RuntimeError sig 9 cannot be caught
    [t=0.000 Task-1] TypeError coroutines cannot be used with add_signal_handler()
    [t=0.000 Task-1] ValueError unknown signal: 'SIGFOO'
    `,
  );
});

test("the simulated world sends a signal only from inside a running loop, as CPython's stand-in", async (t) => {
  assert.throws(() => sendSignal("SIGTERM", { at: 1.0 }), {
    name: "RuntimeError",
    message: "no running event loop",
  });
  if (!hasPython()) return t.diagnostic("python3 >= 3.11 not found: TypeScript side only");
  assert.equal(
    await python('import simulated\nsimulated.send_signal("SIGTERM", at=1.0)\n'),
    "[t=0.000] EXC RuntimeError: no running event loop\n",
  );
});
