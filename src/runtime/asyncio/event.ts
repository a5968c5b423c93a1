/** `Event`: a flag tasks can wait for. A port of CPython 3.11's `asyncio.Event`. */
import { Future, Lazy } from "./future.ts";
import { getRunningLoop } from "./tasks.ts";

/**
 * A flag that tasks wait on until another sets it. Python: `asyncio.Event()`.
 * `set()` wakes every waiter, each in a later loop iteration; the setter keeps running.
 * @example
 * const ready = new asyncio.Event();
 * asyncio.createTask(async () => { await ready.wait(); print("go"); });
 * await asyncio.sleep(1);
 * ready.set();
 */
export class Event {
  _waiters: Future<boolean>[] = [];
  _value = false;

  /** Python: `event.is_set()`. */
  isSet(): boolean {
    return this._value;
  }

  /** Python: `event.set()`. */
  set(): void {
    if (this._value) return;
    this._value = true;
    for (const fut of this._waiters) if (!fut.done()) fut.setResult(true);
  }

  /** Python: `event.clear()`. */
  clear(): void {
    this._value = false;
  }

  /** Wait until the flag is set; resolves to true at once if it already is. Python: `await event.wait()`. */
  wait(): Lazy<boolean> {
    return new Lazy(async () => {
      if (this._value) return true;
      const fut = new Future<boolean>({ loop: getRunningLoop(), label: "Event.wait" });
      this._waiters.push(fut);
      try {
        await fut;
        return true;
      } finally {
        this._waiters.splice(this._waiters.indexOf(fut), 1);
      }
    });
  }
}
