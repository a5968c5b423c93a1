/**
 * `timeout`, `timeoutAt` and `waitFor`: deadlines. Ports of CPython 3.11's `asyncio.timeouts`
 * and `asyncio.wait_for`.
 */
import { CancelledError, markFromDispose, RuntimeError, TimeoutError } from "./errors.ts";
import { Future, Lazy } from "./future.ts";
import type { Handle } from "./handle.ts";
import type { Task } from "./task.ts";
import { type Awaitable, currentTask, ensureFuture, getRunningLoop } from "./tasks.ts";

type State = "created" | "active" | "expiring" | "expired" | "finished";

/**
 * A deadline scope. Python: the object `asyncio.timeout()` returns (`asyncio.Timeout`).
 * Create it with `timeout(seconds)` or `timeoutAt(when)`.
 */
export class Timeout {
  _state: State = "created";
  _handle: Handle | null = null;
  _task: Task<unknown> | null = null;
  _when: number | null;
  constructor(when: number | null) {
    this._when = when;
  }

  /** Python: `cm.when()`: the deadline in loop time, or null. */
  when(): number | null {
    return this._when;
  }

  /** Python: `cm.reschedule(when)`: move the deadline (null: none). */
  reschedule(when: number | null): void {
    if (this._state !== "active")
      throw new RuntimeError(`Cannot change state of ${this._state} Timeout`);
    this._when = when;
    this._handle?.cancel();
    if (when === null) this._handle = null;
    else {
      const loop = getRunningLoop();
      this._handle =
        when <= loop.time()
          ? loop.callSoon(() => this._onTimeout())
          : loop.callAt(when, () => this._onTimeout());
    }
  }

  /** Python: `cm.expired()`: did the deadline pass (and cancel the body)? */
  expired(): boolean {
    return this._state === "expiring" || this._state === "expired";
  }

  /** Python's `__aenter__`. */
  _enter(): this {
    this._state = "active";
    this._task = currentTask();
    if (!this._task) throw new RuntimeError("Timeout should be used inside a task");
    this.reschedule(this._when);
    return this;
  }

  /** Python's `__aexit__`: `cancelledExit` tells whether the body is leaving with CancelledError. */
  _exit(cancelledExit: boolean): TimeoutError | null {
    this._handle?.cancel();
    this._handle = null;
    if (this._state === "expiring") {
      this._state = "expired";
      if (this._task!.uncancel() === 0 && cancelledExit) return new TimeoutError();
    } else if (this._state === "active") this._state = "finished";
    return null;
  }

  _onTimeout(): void {
    this._task!.cancel();
    this._state = "expiring";
    this._handle = null;
  }

  /**
   * The `await using` exit. JavaScript does not show the block's error to a disposer, so an
   * expired scope assumes the body is leaving with the CancelledError the deadline caused (the
   * normal case) and throws `TimeoutError`; JavaScript then throws a `SuppressedError` whose
   * `.error` is that TimeoutError — `instanceof asyncio.TimeoutError` and the transcript treat
   * it as the TimeoutError. Use the callback form for exact semantics.
   */
  async [Symbol.asyncDispose](): Promise<void> {
    const err = this._exit(true);
    if (err) throw markFromDispose(err);
  }
}

/**
 * A deadline `seconds` from now for the code inside it: when it passes, the body is cancelled
 * and `TimeoutError` is raised at the end of the scope. Python: `async with asyncio.timeout(s):`.
 *
 * Two forms: the callback form, exact as Python —
 * `await asyncio.timeout(1, async (cm) => { … })` — and `await using`, which reads like Python —
 * `await using _ = asyncio.timeout(1);` — whose error is JavaScript's `SuppressedError` wrapping
 * the TimeoutError (`e instanceof asyncio.TimeoutError` is still true; see `Timeout`).
 * `null` means no deadline.
 * @example
 * try {
 *   await asyncio.timeout(1, async () => { await asyncio.sleep(2); });
 * } catch (e) {
 *   if (e instanceof asyncio.TimeoutError) print("too slow");
 * }
 * @example
 * try { await using _ = asyncio.timeout(1); await asyncio.sleep(2); }
 * catch (e) { if (e instanceof asyncio.TimeoutError) print("too slow"); }
 */
export function timeout(seconds: number | null): Timeout;
export function timeout<T>(seconds: number | null, body: (cm: Timeout) => PromiseLike<T>): Lazy<T>;
export function timeout<T>(
  seconds: number | null,
  body?: (cm: Timeout) => PromiseLike<T>,
): Timeout | Lazy<T> {
  if (!body) {
    const loop = getRunningLoop();
    return new Timeout(seconds === null ? null : loop.time() + seconds)._enter();
  }
  return new Lazy(() => {
    const loop = getRunningLoop();
    return runScope(new Timeout(seconds === null ? null : loop.time() + seconds), body);
  });
}

/**
 * Like `timeout`, with an absolute deadline in loop time. Python: `asyncio.timeout_at(when)`.
 * @example
 * const loop = asyncio.getRunningLoop();
 * await asyncio.timeoutAt(loop.time() + 1, async () => { await work(); });
 */
export function timeoutAt(when: number | null): Timeout;
export function timeoutAt<T>(when: number | null, body: (cm: Timeout) => PromiseLike<T>): Lazy<T>;
export function timeoutAt<T>(
  when: number | null,
  body?: (cm: Timeout) => PromiseLike<T>,
): Timeout | Lazy<T> {
  if (!body) return new Timeout(when)._enter();
  return new Lazy(() => runScope(new Timeout(when), body));
}

async function runScope<T>(cm: Timeout, body: (cm: Timeout) => PromiseLike<T>): Promise<T> {
  cm._enter();
  let result: T;
  try {
    result = await body(cm);
  } catch (e) {
    const err = cm._exit(e instanceof CancelledError);
    if (err) {
      (err as { cause?: unknown }).cause = e;
      throw err;
    }
    throw e;
  }
  cm._exit(false);
  return result;
}

function releaseWaiter(waiter: Future<unknown>): void {
  if (!waiter.done()) waiter.setResult(null);
}

async function cancelAndWait(fut: Future<unknown>): Promise<void> {
  const loop = getRunningLoop();
  const waiter = new Future<unknown>({ loop, label: "wait_for" });
  const cb = (): void => releaseWaiter(waiter);
  fut.addDoneCallback(cb);
  try {
    fut.cancel();
    await waiter;
  } finally {
    fut.removeDoneCallback(cb);
  }
}

/**
 * Await `aw` with a deadline: if it is not done in `seconds`, cancel it, wait for it to finish
 * cancelling, and raise `TimeoutError`. Python 3.11: `await asyncio.wait_for(aw, timeout)` (which
 * wraps `aw` in a task, so it takes a `Task-N` number). `null`: no deadline.
 * @example
 * try { print(await asyncio.waitFor(() => slow(), 1)); }
 * catch (e) { if (e instanceof asyncio.TimeoutError) print("gave up"); }
 */
export function waitFor<T>(aw: Awaitable<T>, seconds: number | null): Lazy<T> {
  return new Lazy(async () => {
    const loop = getRunningLoop();
    if (seconds === null) return (await (typeof aw === "function" ? aw() : aw)) as T;
    if (seconds <= 0) {
      const fut = ensureFuture(aw);
      if (fut.done()) return fut.result();
      await cancelAndWait(fut as Future<unknown>);
      try {
        return fut.result();
      } catch (e) {
        if (e instanceof CancelledError) throw new TimeoutError();
        throw e;
      }
    }
    const waiter = new Future<unknown>({ loop, label: "wait_for" });
    const timeoutHandle = loop.callLater(seconds, releaseWaiter, waiter);
    const cb = (): void => releaseWaiter(waiter);
    const fut = ensureFuture(aw);
    fut.addDoneCallback(cb);
    try {
      try {
        await waiter;
      } catch (e) {
        if (e instanceof CancelledError) {
          if (fut.done()) return fut.result();
          fut.removeDoneCallback(cb);
          await cancelAndWait(fut as Future<unknown>);
        }
        throw e;
      }
      if (fut.done()) return fut.result();
      fut.removeDoneCallback(cb);
      await cancelAndWait(fut as Future<unknown>);
      try {
        return fut.result();
      } catch (e) {
        if (e instanceof CancelledError) throw new TimeoutError();
        throw e;
      }
    } finally {
      timeoutHandle.cancel();
    }
  });
}
