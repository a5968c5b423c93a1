/**
 * `ConcurrentFuture`: Python's `concurrent.futures.Future`, the thread-safe future that
 * `runCoroutineThreadsafe` returns. Code outside the loop (another thread, in Python) waits on it
 * with `result()`; it is not an asyncio future, and awaiting it is a `TypeError`, as in Python.
 *
 * Python's `result()` blocks the calling thread. JavaScript cannot block, so here `result()`
 * returns a promise: `await future.result({ timeout: 2 })` is `future.result(timeout=2)`. The
 * waiting code runs again when the loop is between two iterations, and the loop's clock stands
 * still until that code waits again (or until its next macrotask), so what it prints is stamped
 * with the time it was woken at, as a thread woken on a virtual clock would be.
 */
import { InvalidStateError, PyException, RuntimeError, TimeoutError } from "./errors.ts";
import type { TimerHandle } from "./handle.ts";
import type { LoopInternals } from "./loop-internals.ts";
import { onMacrotask } from "./macrotask.ts";
import { nativeClearTimeout, nativeSetTimeout } from "./native-timers.ts";

/** Python: `concurrent.futures.CancelledError` (an `Exception`, unlike asyncio's). */
export class ConcurrentCancelledError extends PyException {
  constructor(...args: unknown[]) {
    super(...args);
    Object.defineProperty(this, "name", { value: "CancelledError", configurable: true });
  }
}

type State = "PENDING" | "RUNNING" | "CANCELLED" | "CANCELLED_AND_NOTIFIED" | "FINISHED";

const noop = (): void => {};

/**
 * A result that another thread (here: the loop) will set. Python: `concurrent.futures.Future`.
 * @example
 * const future = asyncio.runCoroutineThreadsafe(() => fetchPrice("apple"), loop);
 * try {
 *   print(await future.result({ timeout: 2 })); // future.result(timeout=2)
 * } catch (e) {
 *   if (e instanceof asyncio.TimeoutError) future.cancel();
 * }
 */
export class ConcurrentFuture<T> {
  #state: State = "PENDING";
  #result: T | undefined = undefined;
  #exception: unknown = null;
  #hasException = false;
  #callbacks: Array<(f: ConcurrentFuture<T>) => void> = [];
  #waiters: Array<() => void> = [];
  /** The loop whose clock a timed wait uses, and which stands still while a woken waiter runs. */
  readonly _loop: LoopInternals | null;

  constructor(loop: LoopInternals | null = null) {
    this._loop = loop;
  }

  /** Python: `future.done()`. */
  done(): boolean {
    return (
      this.#state === "FINISHED" ||
      this.#state === "CANCELLED" ||
      this.#state === "CANCELLED_AND_NOTIFIED"
    );
  }

  /** Python: `future.cancelled()`. */
  cancelled(): boolean {
    return this.#state === "CANCELLED" || this.#state === "CANCELLED_AND_NOTIFIED";
  }

  /** Python: `future.running()`. */
  running(): boolean {
    return this.#state === "RUNNING";
  }

  /**
   * Cancel unless it is running or done; true if it is cancelled. Python: `future.cancel()`.
   * A future from `runCoroutineThreadsafe` stays pending while its task runs, so this works, and
   * cancels the task on its loop.
   * @example
   * if (future.cancel()) print("cancelled");
   */
  cancel(): boolean {
    if (this.#state === "RUNNING" || this.#state === "FINISHED") return false;
    if (this.cancelled()) return true;
    this.#state = "CANCELLED";
    this.#settled();
    return true;
  }

  /**
   * Wait at most `timeout` seconds (none: for ever) and give the result; throws the future's
   * exception, `TimeoutError` when the time is up, `CancelledError` if it was cancelled.
   * Python: `future.result(timeout=None)`, which blocks its thread.
   * @example
   * const price = await future.result({ timeout: 2 });
   */
  async result(options?: { timeout?: number | null }): Promise<T> {
    await this.#wait(options?.timeout ?? null);
    if (this.cancelled()) throw new ConcurrentCancelledError();
    if (this.#hasException) throw this.#exception;
    return this.#result as T;
  }

  /**
   * Like `result()`, but gives the exception (or `null`) instead of throwing it.
   * Python: `future.exception(timeout=None)`.
   * @example
   * const error = await future.exception({ timeout: 2 });
   */
  async exception(options?: { timeout?: number | null }): Promise<unknown> {
    await this.#wait(options?.timeout ?? null);
    if (this.cancelled()) throw new ConcurrentCancelledError();
    return this.#hasException ? this.#exception : null;
  }

  /**
   * Call `fn(future)` when it is done (at once if it is). Python: `future.add_done_callback(fn)`;
   * as in Python, it runs in whichever thread completes the future.
   * @example
   * future.addDoneCallback((f) => print("done:", f.done()));
   */
  addDoneCallback(fn: (f: ConcurrentFuture<T>) => void): void {
    if (this.done()) fn(this);
    else this.#callbacks.push(fn);
  }

  /** Python: `future.set_running_or_notify_cancel()`: false if it was cancelled. */
  setRunningOrNotifyCancel(): boolean {
    if (this.#state === "CANCELLED") {
      this.#state = "CANCELLED_AND_NOTIFIED";
      return false;
    }
    if (this.#state === "PENDING") {
      this.#state = "RUNNING";
      return true;
    }
    throw new RuntimeError("Future in unexpected state");
  }

  /** Python: `future.set_result(result)`. */
  setResult(result: T): void {
    this.#checkSettable();
    this.#result = result;
    this.#state = "FINISHED";
    this.#settled();
  }

  /** Python: `future.set_exception(exception)`. */
  setException(exception: unknown): void {
    this.#checkSettable();
    this.#exception = exception;
    this.#hasException = true;
    this.#state = "FINISHED";
    this.#settled();
  }

  /** Not awaitable, as in Python: wait with `result()`, or wrap it on the waiting side's loop. */
  // biome-ignore lint/suspicious/noThenProperty: makes `await future` fail as Python's does
  then<A = never, B = never>(
    onOk?: ((value: never) => A | PromiseLike<A>) | null,
    onErr?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    const error = new TypeError("object Future can't be used in 'await' expression");
    return Promise.reject(error).then(onOk, onErr);
  }

  #checkSettable(): void {
    if (this.done())
      throw new InvalidStateError(`${this.#state}: <Future state=${this.#state.toLowerCase()}>`);
  }

  #settled(): void {
    for (const wake of this.#waiters.splice(0)) wake();
    for (const fn of this.#callbacks.splice(0)) {
      try {
        fn(this);
      } catch {
        // Python logs "exception calling callback for <Future …>" and goes on.
      }
    }
  }

  /** Wait (without blocking JavaScript) until done or until `timeout` seconds have passed. */
  #wait(timeout: number | null): Promise<void> {
    if (this.done()) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const loop = this._loop && !this._loop._closed ? this._loop : null;
      let timer: TimerHandle | null = null;
      let realTimer: ReturnType<typeof setTimeout> | null = null;
      const wake = (): void => {
        const i = this.#waiters.indexOf(wake);
        if (i >= 0) this.#waiters.splice(i, 1);
        timer?.cancel();
        if (realTimer !== null) nativeClearTimeout(realTimer);
        handOver(loop, resolve);
      };
      this.#waiters.push(wake);
      if (timeout === null) return;
      if (loop) timer = loop.callLater(Math.max(0, timeout), wake);
      else realTimer = nativeSetTimeout(wake, Math.max(0, timeout) * 1000);
    }).then(() => {
      if (!this.done()) throw new TimeoutError();
    });
  }
}

/**
 * Wake a waiting "thread": its code runs in a macrotask, when the loop has finished what was
 * ready at this time, and the loop's clock does not move until a macrotask after that (by then
 * the woken code waits again or is done), as if the loop handed it a baton and waited for it.
 */
function handOver(loop: LoopInternals | null, resolve: () => void): void {
  if (!loop) {
    resolve();
    return;
  }
  loop._beginExternal();
  onMacrotask(() => {
    resolve();
    onMacrotask(() => loop._endExternal(noop));
  });
}
