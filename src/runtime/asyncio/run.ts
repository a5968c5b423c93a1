/**
 * `run`: Python's `asyncio.run(main())`, built on `Runner` as CPython's `runners.py` builds it:
 * a fresh loop, the main task (`Task-1`), and the runner's shutdown.
 */
import { checkNotInLoop, enqueue, Runner } from "./runner.ts";
import type { Coro } from "./task.ts";

/**
 * Run `main` on a new event loop until it completes, then cancel the tasks still pending, and
 * return its result. Python: `asyncio.run(main())`. `main` is `Task-1`.
 *
 * Pass the function itself (`run(main)`), not `run(main())`: then `main` starts on the loop's
 * first step, as a Python coroutine does. The returned promise is already marked handled: an
 * error escaping `main` is reported once (as the trace's `exception` event, or on stderr), and
 * still rejects the promise for those who await it. A second `run` started while one is running
 * waits for it to end; calling `run` from inside a running task throws
 * `RuntimeError: asyncio.run() cannot be called from a running event loop`, as in Python.
 * `{ debug: true }` is Python's `asyncio.run(main(), debug=True)`: debug mode (`loop.setDebug`).
 * @example
 * async function main() {
 *   print("hello");
 *   await asyncio.sleep(1);
 *   print("world");
 * }
 * asyncio.run(main);
 * asyncio.run(main, { debug: true }); // asyncio.run(main(), debug=True)
 */
export function run<T>(main: Coro<T>, options?: { debug?: boolean }): Promise<T> {
  checkNotInLoop("asyncio.run()");
  return enqueue(async () => {
    const runner = new Runner(options);
    try {
      return await runner._run(main, undefined);
    } catch (e) {
      runner._escaped = { error: e };
      throw e;
    } finally {
      await runner._close();
    }
  });
}
