/** `Semaphore` and `BoundedSemaphore`. Ports of CPython 3.11.7's. */
import { CancelledError, ValueError } from "./errors.ts";
import { Future, Lazy } from "./future.ts";
import { type Held, hold } from "./hold.ts";
import { getRunningLoop } from "./tasks.ts";

/**
 * A counter of free slots: `acquire` takes one (waiting, FIFO, when none is free), `release`
 * gives one back. Python: `asyncio.Semaphore(value=1)`. `async with sem:` is
 * `await using _ = await sem.hold();`.
 * @example
 * const sem = new asyncio.Semaphore(2);
 * async function job(i: number) {
 *   await using _ = await sem.hold();
 *   await asyncio.sleep(1); // at most two jobs here at once
 * }
 */
export class Semaphore {
  _waiters: Future<boolean>[] = [];
  _value: number;

  constructor(value = 1) {
    if (value < 0) throw new ValueError("Semaphore initial value must be >= 0");
    this._value = value;
  }

  /** Python: `sem.locked()`: true when `acquire` would wait. */
  locked(): boolean {
    return this._value === 0 || this._waiters.some((w) => !w.cancelled());
  }

  /** Take a slot, waiting if none is free; resolves to true. Python: `await sem.acquire()`. */
  acquire(): Lazy<boolean> {
    return new Lazy(async () => {
      if (!this.locked()) {
        this._value -= 1;
        return true;
      }
      const fut = new Future<boolean>({ loop: getRunningLoop(), label: "Semaphore" });
      this._waiters.push(fut);
      try {
        try {
          await fut;
        } finally {
          this._waiters.splice(this._waiters.indexOf(fut), 1);
        }
      } catch (e) {
        if (e instanceof CancelledError && !fut.cancelled()) {
          this._value += 1;
          this._wakeUpNext();
        }
        throw e;
      }
      if (this._value > 0) this._wakeUpNext();
      return true;
    });
  }

  /** Give a slot back. Python: `sem.release()`. */
  release(): void {
    this._value += 1;
    this._wakeUpNext();
  }

  /** Acquire, and resolve to a handle that releases on disposal (`await using`). */
  hold(): Lazy<Held> {
    return hold(this);
  }

  _wakeUpNext(): void {
    for (const fut of this._waiters) {
      if (!fut.done()) {
        this._value -= 1;
        fut.setResult(true);
        return;
      }
    }
  }
}

/**
 * A Semaphore that refuses to be released more often than acquired (`ValueError`).
 * Python: `asyncio.BoundedSemaphore(value=1)`.
 * @example
 * const sem = new asyncio.BoundedSemaphore(1);
 * sem.release(); // ValueError: BoundedSemaphore released too many times
 */
export class BoundedSemaphore extends Semaphore {
  readonly _boundValue: number;
  constructor(value = 1) {
    super(value);
    this._boundValue = value;
  }
  override release(): void {
    if (this._value >= this._boundValue)
      throw new ValueError("BoundedSemaphore released too many times");
    super.release();
  }
}
