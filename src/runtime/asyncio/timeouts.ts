/**
 * `timeout`, `timeoutAt` and `waitFor`: deadlines. Ports of CPython 3.11's `asyncio.timeouts`
 * and of `asyncio.wait_for` as 3.11 and (since 3.12, built on `timeout`) newer versions have it.
 */
import { CancelledError, RuntimeError, TimeoutError } from "./errors.ts";
import { PY_REPR, pyRepr } from "./format.ts";
import { Future, Lazy } from "./future.ts";
import type { Handle } from "./handle.ts";
import { since } from "./python-version.ts";
import type { Task } from "./task.ts";
import { type Awaitable, currentTask, ensureFuture, getRunningLoop } from "./tasks.ts";

type State = "created" | "active" | "expiring" | "expired" | "finished";

/**
 * A deadline scope. Python: the object `asyncio.timeout()` returns (`asyncio.Timeout`). The
 * scope's body is the callback given to `timeout(seconds, body)` or `timeoutAt(when, body)`;
 * the body receives this object, to read or move the deadline.
 */
export class Timeout {
  _state: State = "created";
  _handle: Handle | null = null;
  _task: Task<unknown> | null = null;
  _cancelling = 0;
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
    if (this._state !== "active") {
      if (this._state === "created") throw new RuntimeError("Timeout has not been entered");
      throw new RuntimeError(`Cannot change state of ${this._state} Timeout`);
    }
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

  /** Python's repr: `<Timeout [active] when=1.5>`. */
  [PY_REPR](): string {
    if (this._state !== "active") return `<Timeout [${this._state}]>`;
    return `<Timeout [active] when=${this._when === null ? "None" : floatRepr(this._when)}>`;
  }

  /** Python's `__aenter__`. */
  _enter(): this {
    if (this._state !== "created") throw new RuntimeError("Timeout has already been entered");
    const task = currentTask();
    if (!task) throw new RuntimeError("Timeout should be used inside a task");
    this._state = "active";
    this._task = task;
    // 3.11.7 compares with the cancel requests already pending on entry, so a task that caught a
    // cancellation (and did not uncancel) still gets its TimeoutError.
    this._cancelling = task.cancelling();
    this.reschedule(this._when);
    return this;
  }

  /**
   * Python's `__aexit__`: `exc` is the error the body is leaving with, if any. Returns the
   * TimeoutError to raise instead of the body's CancelledError (its `cause`, as `raise … from`).
   */
  _exit(raised: boolean, exc: unknown): TimeoutError | null {
    this._handle?.cancel();
    this._handle = null;
    if (this._state === "expiring") {
      this._state = "expired";
      if (this._task!.uncancel() <= this._cancelling && raised && exc instanceof CancelledError)
        return withCause(new TimeoutError(), exc);
    } else if (this._state === "active") this._state = "finished";
    return null;
  }

  _onTimeout(): void {
    this._task!.cancel();
    this._state = "expiring";
    this._handle = null;
  }
}

/** Python's `repr(round(x, 3))` for a float: `1.0`, `1.5`. */
function floatRepr(x: number): string {
  const r = Math.round(x * 1000) / 1000;
  return Number.isInteger(r) ? r.toFixed(1) : pyRepr(r);
}

/** Python's `raise err from cause`. */
function withCause<E extends Error>(err: E, cause: unknown): E {
  (err as { cause?: unknown }).cause = cause;
  return err;
}

/** A clear error for the `await using` habit: the scope needs its block as a callback. */
function bodyRequired(name: string): TypeError {
  return new TypeError(
    `asyncio.${name}() needs its block as a callback: await asyncio.${name}(…, async (cm) => { … }) ` +
      "(an `await using` scope cannot see the block's error, so it cannot act as Python's `async with`)",
  );
}

/**
 * A deadline `seconds` from now for the code inside it: when it passes, the body is cancelled
 * and `TimeoutError` is raised at the end of the scope. Python: `async with asyncio.timeout(s):`,
 * written `await asyncio.timeout(s, async (cm) => { … })`: the callback is the block. `null`
 * means no deadline.
 *
 * There is no `await using` form: a JavaScript disposer cannot see whether the block is leaving
 * with the deadline's CancelledError, and Python's scope raises TimeoutError only when it is.
 * @example
 * try {
 *   await asyncio.timeout(1, async () => { await asyncio.sleep(2); });
 * } catch (e) {
 *   if (e instanceof asyncio.TimeoutError) print("too slow");
 * }
 */
export function timeout<T>(seconds: number | null, body: (cm: Timeout) => PromiseLike<T>): Lazy<T> {
  if (typeof body !== "function") throw bodyRequired("timeout");
  return new Lazy(() => {
    const loop = getRunningLoop();
    return runScope(new Timeout(seconds === null ? null : loop.time() + seconds), body);
  });
}

/**
 * Like `timeout`, with an absolute deadline in loop time. Python: `async with asyncio.timeout_at(when):`.
 * @example
 * const loop = asyncio.getRunningLoop();
 * await asyncio.timeoutAt(loop.time() + 1, async () => { await work(); });
 */
export function timeoutAt<T>(when: number | null, body: (cm: Timeout) => PromiseLike<T>): Lazy<T> {
  if (typeof body !== "function") throw bodyRequired("timeoutAt");
  return new Lazy(() => runScope(new Timeout(when), body));
}

async function runScope<T>(cm: Timeout, body: (cm: Timeout) => PromiseLike<T>): Promise<T> {
  cm._enter();
  let result: T;
  try {
    result = await body(cm);
  } catch (e) {
    throw cm._exit(true, e) ?? e;
  }
  cm._exit(false, undefined);
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
 * cancelling, and raise `TimeoutError`. Python: `await asyncio.wait_for(aw, timeout)`. Up to
 * 3.11 it wraps `aw` in a task (which takes a `Task-N` number); since 3.12 it is
 * `async with timeout(seconds): return await aw`, so `aw` runs in the awaiting task. `null`: no
 * deadline.
 * @example
 * try { print(await asyncio.waitFor(() => slow(), 1)); }
 * catch (e) { if (e instanceof asyncio.TimeoutError) print("gave up"); }
 */
export function waitFor<T>(aw: Awaitable<T>, seconds: number | null): Lazy<T> {
  return new Lazy(async () => {
    const loop = getRunningLoop();
    if (seconds === null) return (await (typeof aw === "function" ? aw() : aw)) as T;
    if (since("waitForOnTimeout") && seconds > 0)
      return runScope(new Timeout(loop.time() + seconds), async () => {
        return (await (typeof aw === "function" ? aw() : aw)) as T;
      });
    if (seconds <= 0) {
      const fut = ensureFuture(aw);
      if (fut.done()) return fut.result();
      await cancelAndWait(fut as Future<unknown>);
      try {
        return fut.result();
      } catch (e) {
        if (e instanceof CancelledError) throw withCause(new TimeoutError(), e);
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
        if (e instanceof CancelledError) throw withCause(new TimeoutError(), e);
        throw e;
      }
    } finally {
      timeoutHandle.cancel();
    }
  });
}
