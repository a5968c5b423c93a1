/**
 * `sleep` (the loop-friendly wait) and `blockingSleep` (Python's `time.sleep`, which holds the
 * whole loop).
 */
import { RuntimeError } from "./errors.ts";
import { pyRepr } from "./format.ts";
import { FINISHED, Future, LAZY, Waiter } from "./future.ts";
import { TimerHandle } from "./handle.ts";
import type { LoopInternals } from "./loop-internals.ts";
import { state } from "./state.ts";

function runningLoop(): LoopInternals {
  const loop = state.loop;
  if (!loop?.isRunning()) throw new RuntimeError("no running event loop");
  return loop;
}

/** The timer's callback: `[future, result]`. */
function wakeSleeper(arg: unknown): void {
  const [fut, result] = arg as [Future<unknown>, unknown];
  if (!fut.cancelled()) fut.setResult(result);
}

function doneFuture(result: unknown): Future<unknown> {
  const fut = new Future<unknown>({ label: "sleep(0)" });
  fut._state = FINISHED;
  fut._result = result;
  return fut;
}

/** What a task parked by `sleep(0)` waits on: nothing, already done. */
export const SLEEP0_DONE = doneFuture(undefined);

/** The awaitable `sleep` returns: lazy like a coroutine, so it starts its timer when awaited. */
export class Sleep<T> implements PromiseLike<T> {
  readonly [LAZY] = true;
  readonly #delay: number;
  readonly #result: T;
  constructor(delay: number, result: T) {
    this.#delay = delay;
    this.#result = result;
  }
  // biome-ignore lint/suspicious/noThenProperty: awaitable like a Python coroutine
  then<A = T, B = never>(
    onOk?: ((value: T) => A | PromiseLike<A>) | null,
    onErr?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    const loop = runningLoop();
    if (!(this.#delay > 0)) {
      // CPython's sleep(0) is a bare `yield`: no timer, the task steps again next iteration.
      const fut = this.#result === undefined ? SLEEP0_DONE : doneFuture(this.#result);
      const task = loop._taskForAwait();
      const w = new Waiter(task, fut, onOk as (v: unknown) => unknown, onErr);
      if (task) loop._park(task, w, true);
      else loop._pushReady(w);
      return w as PromiseLike<A | B>;
    }
    // The label is for the trace only: no string is built when there is none.
    const label = loop._traceTasks ? `sleep(${pyRepr(this.#delay)})` : "sleep";
    const fut = new Future<T>({ loop, label });
    // A timer straight on the heap (CPython's sleep uses call_later): no user code runs in it,
    // so it needs no context of its own.
    const when = loop.time() + this.#delay;
    fut._timer = loop._timer(new TimerHandle(when, wakeSleeper, [fut, this.#result]));
    return fut.then(onOk, onErr);
  }
}

/** `sleep(0)` as a lazy awaitable: what a task given a withdrawn yield runs (see `Task`). */
export const SLEEP0 = new Sleep<undefined>(0, undefined);

/**
 * Suspend the current task for `seconds` (other tasks run meanwhile); resolves to `result`.
 * Python: `await asyncio.sleep(delay, result=None)`. `sleep(0)` sets no timer and yields exactly
 * one loop iteration. Like a coroutine, it does nothing until awaited, with one difference:
 * `sleep(0)` called in a task's step yields that step (the task resumes in the next iteration,
 * after what the step scheduled), so a `sleep(0)` made and never awaited still costs the task
 * its turn; given to `createTask`/`gather`, it yields in the new task, as in Python.
 * @example
 * await asyncio.sleep(1);
 * const v = await asyncio.sleep(0.5, "done"); // "done"
 */
export function sleep(seconds: number): PromiseLike<undefined>;
export function sleep<T>(seconds: number, result: T): PromiseLike<T>;
export function sleep<T>(seconds: number, result?: T): PromiseLike<T | undefined> {
  if (seconds === 0 && result === undefined) {
    // In a step, the task yields at once and awaits a native promise (see `loop._yieldStep`).
    const loop = state.loop;
    return (loop === null ? null : loop._yieldStep()) ?? SLEEP0;
  }
  return new Sleep<T | undefined>(seconds, result);
}

/**
 * Block the whole loop for `seconds`, like Python's `time.sleep` inside a coroutine: no other
 * task runs meanwhile. On the virtual clock time advances at once without yielding; on the real
 * clocks the thread really blocks. For teaching the blocking pitfall.
 * @example
 * asyncio.blockingSleep(1); // every task is stuck for 1 s
 */
export function blockingSleep(seconds: number): void {
  const loop = state.loop;
  if (!(seconds > 0)) return;
  if (!loop || loop._clock.kind === "virtual") {
    loop?._clock.advance(seconds);
    return;
  }
  const ms = loop._clock.realMs(seconds);
  if (typeof SharedArrayBuffer === "function" && typeof Atomics !== "undefined") {
    try {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      return;
    } catch {
      // Atomics.wait is not allowed on this thread: spin instead.
    }
  }
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy-wait: this is the point of a blocking sleep
  }
}
