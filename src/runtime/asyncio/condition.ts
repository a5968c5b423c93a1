/** `Condition`: wait for a notification while holding a lock. A port of CPython 3.11's. */
import { CancelledError, RuntimeError } from "./errors.ts";
import { Future, Lazy } from "./future.ts";
import { type Held, hold } from "./hold.ts";
import { Lock } from "./lock.ts";
import { getRunningLoop } from "./tasks.ts";

/**
 * A condition variable for tasks. Python: `asyncio.Condition(lock=None)`.
 * `async with cond:` is `await using _ = await cond.hold();`.
 * @example
 * const cond = new asyncio.Condition();
 * {
 *   await using _ = await cond.hold();
 *   await cond.waitFor(() => items.length > 0);
 * }
 */
export class Condition {
  readonly _lock: Lock;
  _waiters: Future<boolean>[] = [];

  constructor(lock?: Lock) {
    this._lock = lock ?? new Lock();
  }

  /** Python: `cond.locked()`. */
  locked(): boolean {
    return this._lock.locked();
  }

  /** Python: `await cond.acquire()`. */
  acquire(): Lazy<boolean> {
    return this._lock.acquire();
  }

  /** Python: `cond.release()`. */
  release(): void {
    this._lock.release();
  }

  /** Acquire the lock, and resolve to a handle that releases it on disposal (`await using`). */
  hold(): Lazy<Held> {
    return hold(this);
  }

  /**
   * Release the lock, wait for a notification, take the lock again; resolves to true.
   * Python: `await cond.wait()`.
   */
  wait(): Lazy<boolean> {
    return new Lazy(async () => {
      if (!this.locked()) throw new RuntimeError("cannot wait on un-acquired lock");
      this.release();
      let failure: { error: unknown } | null = null;
      try {
        const fut = new Future<boolean>({ loop: getRunningLoop(), label: "Condition.wait" });
        this._waiters.push(fut);
        try {
          await fut;
        } finally {
          this._waiters.splice(this._waiters.indexOf(fut), 1);
        }
      } catch (e) {
        failure = { error: e };
      }
      // Python's `finally:` block: take the lock back even when cancelled meanwhile.
      let cancelled = false;
      for (;;) {
        try {
          await this.acquire();
          break;
        } catch (e) {
          if (!(e instanceof CancelledError)) throw e;
          cancelled = true;
        }
      }
      if (cancelled) throw new CancelledError();
      if (failure) throw failure.error;
      return true;
    });
  }

  /** Wait until `predicate()` is truthy; resolves to its value. Python: `await cond.wait_for(predicate)`. */
  waitFor<T>(predicate: () => T): Lazy<T> {
    return new Lazy(async () => {
      let result = predicate();
      while (!result) {
        await this.wait();
        result = predicate();
      }
      return result;
    });
  }

  /** Wake up to `n` waiters (the lock must be held). Python: `cond.notify(n=1)`. */
  notify(n = 1): void {
    if (!this.locked()) throw new RuntimeError("cannot notify on un-acquired lock");
    let idx = 0;
    for (const fut of this._waiters) {
      if (idx >= n) break;
      if (!fut.done()) {
        idx += 1;
        fut.setResult(false);
      }
    }
  }

  /** Wake every waiter. Python: `cond.notify_all()`. */
  notifyAll(): void {
    this.notify(this._waiters.length);
  }
}
