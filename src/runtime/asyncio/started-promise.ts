/**
 * The eager-promise slip: `createTask(job())` instead of `createTask(() => job())`. A JavaScript
 * async function starts running when it is called, so the task receives a promise whose code
 * has already begun, in the caller's task: every line it prints is stamped with the caller's
 * name. The runtime accepts it (it still waits for the outcome) but says so, once per run.
 */
import { Future, isLazy } from "./future.ts";
import type { LoopInternals } from "./loop-internals.ts";
import { state } from "./state.ts";

/**
 * Is `x` a promise that is already running: a thenable that is neither a function to call, nor
 * an asyncio Future or Task, nor one of the runtime's lazy coroutines (`asyncio.sleep(1)`,
 * `queue.get()`, …, which start only when awaited)? This is what `createTask(job())`,
 * `gather(job())` or `tg.createTask(job())` passes when `job` is an async function.
 * @example
 * isStartedPromise(job());       // true: job's code is already running
 * isStartedPromise(() => job()); // false: a function the task will call
 */
export function isStartedPromise(x: unknown): boolean {
  if (typeof x !== "object" || x === null) return false;
  if (x instanceof Future || isLazy(x)) return false;
  // `asyncio.sleep(0)` in a step is a native promise, the coroutine all the same (see `sleep`).
  if (x === state.loop?._yieldPromise) return false;
  return typeof (x as { then?: unknown }).then === "function";
}

/** The warning's text: one line, for a learner. */
export const STARTED_PROMISE_WARNING =
  "RuntimeWarning: a task was given a promise that is already running, as in createTask(job()): " +
  "job() started at once, in the calling task, so its lines carry that task's name. " +
  "Pass a function instead: createTask(() => job()), gather(() => job()), tg.createTask(() => job())";

const warned = new WeakSet<LoopInternals>();

/** Report the slip on the run's output (a `LOOP-ERROR RuntimeWarning: …` line), once per run. */
export function warnStartedPromise(loop: LoopInternals): void {
  if (warned.has(loop)) return;
  warned.add(loop);
  loop._loopError(STARTED_PROMISE_WARNING);
}
