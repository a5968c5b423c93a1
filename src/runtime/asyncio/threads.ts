/** `toThread` and `loop.runInExecutor`: run a blocking function in a real thread. */
import { Future, Lazy } from "./future.ts";
import type { LoopInternals } from "./loop-internals.ts";
import { getRunningLoop } from "./tasks.ts";
import { runInThread } from "./thread-env.ts";

/** An error raised in a thread, with its Python-style type name. */
export class ThreadError extends Error {
  constructor(name: string, message: string) {
    super(message);
    Object.defineProperty(this, "name", {
      value: name,
      enumerable: false,
      configurable: true,
      writable: true,
    });
  }
}

/** Python: `loop.run_in_executor(None, fn, *args)`; see `toThread`. */
export function runInExecutor<A extends unknown[], R>(
  loop: LoopInternals,
  fn: (...args: A) => R | PromiseLike<R>,
  args: A,
): Future<Awaited<R>> {
  const fut = new Future<Awaited<R>>({ loop, label: "thread" });
  loop._beginExternal();
  runInThread(fn as (...args: never[]) => unknown, args).then(
    (r) =>
      loop._endExternal(() => {
        if (fut.done()) return;
        if (r.ok) fut.setResult(r.value as Awaited<R>);
        else fut.setException(new ThreadError(r.name, r.message));
      }),
    (e) =>
      loop._endExternal(() => {
        if (!fut.done()) fut.setException(e);
      }),
  );
  return fut;
}

/**
 * Run `fn(...args)` in a separate thread (a Worker in the browser, a worker thread in node) and
 * await its result, while the loop keeps running other tasks. Python: `await asyncio.to_thread(fn, *args)`.
 *
 * `fn` must be self-contained: only its source text and its (structured-clone) arguments reach
 * the thread, not the variables around it, and it cannot use `asyncio`. On the virtual clock the
 * loop waits for the thread without moving time.
 * @example
 * const n = await asyncio.toThread((k: number) => { let s = 0; for (let i = 0; i < k; i++) s += i; return s; }, 1e7);
 */
export function toThread<A extends unknown[], R>(
  fn: (...args: A) => R | PromiseLike<R>,
  ...args: A
): Lazy<Awaited<R>> {
  return new Lazy<Awaited<R>>(() => runInExecutor(getRunningLoop(), fn, args));
}
