/**
 * The event loop: a port of CPython's `BaseEventLoop`, plus the machinery that runs a JavaScript
 * async function one step at a time.
 *
 * One class, built in layers, one concept per file; each layer extends the one before it, so
 * every call on the hot path stays a plain method call on the loop:
 * - `loop-core.ts`: the shared state, trace events and stamped output;
 * - `loop-iteration.ts`: iterations (`_run_once`), the ready queue and the timer heap, when the
 *   clock may move;
 * - `loop-steps.ts`: task steps, parking, and the watchdog that detects a stalled step;
 * - `loop-foreign.ts`: tasks suspended on foreign awaitables, host callbacks, threads;
 * - this file: the public API (`asyncio.AbstractEventLoop`).
 */
import { Future } from "./future.ts";
import { Handle, TimerHandle } from "./handle.ts";
import { ForeignAwareLoop } from "./loop-foreign.ts";
import { type Coro, Task } from "./task.ts";
import { runInExecutor } from "./threads.ts";

const applyArgs = (a: unknown): void => {
  const [cb, args] = a as [(...xs: unknown[]) => unknown, unknown[]];
  cb(...args);
};

/**
 * The running event loop. Python: `asyncio.AbstractEventLoop` (get it with `getRunningLoop()`).
 * @example
 * const loop = asyncio.getRunningLoop();
 * loop.callLater(0.5, () => print("half a second"));
 * print(loop.time());
 */
export class EventLoop extends ForeignAwareLoop {
  /** Python: `loop.call_soon(callback, *args)`: run it in the next iteration, with no current task. */
  callSoon<A extends unknown[]>(callback: (...args: A) => unknown, ...args: A): Handle {
    const h = new Handle(applyArgs, [callback, args]);
    this._pushReady(h);
    return h;
  }

  /** Python: `loop.call_later(delay, callback, *args)`: `delay` in seconds. */
  callLater<A extends unknown[]>(
    delay: number,
    callback: (...args: A) => unknown,
    ...args: A
  ): TimerHandle {
    return this.callAt(this.time() + delay, callback, ...args);
  }

  /** Python: `loop.call_at(when, callback, *args)`: `when` in loop time. */
  callAt<A extends unknown[]>(
    when: number,
    callback: (...args: A) => unknown,
    ...args: A
  ): TimerHandle {
    return this._timer(when, new TimerHandle(when, applyArgs, [callback, args]));
  }

  /** Python: `loop.create_future()`. */
  createFuture<T = unknown>(): Future<T> {
    return new Future<T>({ loop: this });
  }

  /**
   * Python: `loop.create_task(coro, name=None)`. Unlike `asyncio.createTask`, a task named here
   * takes no `Task-N` number (CPython 3.11).
   * @example
   * const t = asyncio.getRunningLoop().createTask(() => job(), { name: "job" });
   */
  createTask<T>(coro: Coro<T>, options?: { name?: string }): Task<T> {
    return new Task(coro, { loop: this, name: options?.name });
  }

  /**
   * Run `fn(...args)` in a thread; a Future of its result. Python:
   * `loop.run_in_executor(None, fn, *args)` (the executor argument is accepted and ignored).
   * @example
   * const r = await asyncio.getRunningLoop().runInExecutor(null, (n: number) => n * 2, 21);
   */
  runInExecutor<A extends unknown[], R>(
    _executor: unknown,
    fn: (...args: A) => R | PromiseLike<R>,
    ...args: A
  ): Future<Awaited<R>> {
    return runInExecutor(this, fn, args);
  }

  /** Python: `loop.stop()`: stop after the current iteration. */
  stop(): void {
    this._stopping = true;
  }

  /** Python: `loop.is_running()`. */
  isRunning(): boolean {
    return this._stopWaiter !== null;
  }

  /** Python: `loop.is_closed()`. */
  isClosed(): boolean {
    return this._closed;
  }
}
