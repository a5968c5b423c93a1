/** `Lock`: a mutual-exclusion lock for tasks. A port of CPython 3.11's `asyncio.Lock`. */
import { CancelledError, RuntimeError } from "./errors.ts";
import { Future, Lazy } from "./future.ts";
import { type Held, hold } from "./hold.ts";
import { getRunningLoop } from "./tasks.ts";

/**
 * A lock for tasks; waiters get it in FIFO order. Python: `asyncio.Lock()`.
 * `async with lock:` is `await using _ = await lock.hold();` (or acquire/try/finally/release).
 * @example
 * const lock = new asyncio.Lock();
 * {
 *   await using _ = await lock.hold();
 *   await asyncio.sleep(1); // only one task at a time here
 * }
 */
export class Lock {
  _waiters: Future<boolean>[] = [];
  _locked = false;

  /** Python: `lock.locked()`. */
  locked(): boolean {
    return this._locked;
  }

  /**
   * Wait until the lock is free, then take it; resolves to true. Python: `await lock.acquire()`.
   * Cancellation while waiting throws CancelledError here and passes the lock to the next waiter.
   */
  acquire(): Lazy<boolean> {
    return new Lazy(async () => {
      if (!this._locked && this._waiters.every((w) => w.cancelled())) {
        this._locked = true;
        return true;
      }
      const fut = new Future<boolean>({ loop: getRunningLoop(), label: "Lock" });
      this._waiters.push(fut);
      try {
        try {
          await fut;
        } finally {
          this._waiters.splice(this._waiters.indexOf(fut), 1);
        }
      } catch (e) {
        if (e instanceof CancelledError && !this._locked) this._wakeUpFirst();
        throw e;
      }
      this._locked = true;
      return true;
    });
  }

  /** Python: `lock.release()`; the first waiter gets the lock (in a later iteration). */
  release(): void {
    if (!this._locked) throw new RuntimeError("Lock is not acquired.");
    this._locked = false;
    this._wakeUpFirst();
  }

  /** Acquire, and resolve to a handle that releases on disposal (`await using`). */
  hold(): Lazy<Held> {
    return hold(this);
  }

  _wakeUpFirst(): void {
    const fut = this._waiters[0];
    if (fut && !fut.done()) fut.setResult(true);
  }
}
