/** `Barrier` (Python 3.11): tasks wait until `parties` of them arrive. A port of CPython's. */
import { Condition } from "./condition.ts";
import { BrokenBarrierError, ValueError } from "./errors.ts";
import { Lazy } from "./future.ts";

type State = "filling" | "draining" | "resetting" | "broken";

/**
 * A meeting point: each `wait()` blocks until `parties` tasks are waiting, then all go on.
 * Python: `asyncio.Barrier(parties)`.
 * @example
 * const barrier = new asyncio.Barrier(3);
 * async function runner(i: number) {
 *   await asyncio.sleep(i);
 *   const pos = await barrier.wait(); // all three continue together, at t=2
 *   print("go", i, pos);
 * }
 */
export class Barrier {
  readonly _cond = new Condition();
  readonly _parties: number;
  _state: State = "filling";
  _count = 0;

  constructor(parties: number) {
    if (parties < 1) throw new ValueError("parties must be > 0");
    this._parties = parties;
  }

  /**
   * Wait for the other parties; resolves to this task's arrival index (0 … parties-1).
   * Throws `BrokenBarrierError` if the barrier is aborted or reset meanwhile.
   * Python: `await barrier.wait()`.
   */
  wait(): Lazy<number> {
    return new Lazy(async () => {
      await using _ = await this._cond.hold();
      await this._block();
      try {
        const index = this._count;
        this._count += 1;
        if (index + 1 === this._parties) this._release();
        else await this._wait();
        return index;
      } finally {
        this._count -= 1;
        this._exit();
      }
    });
  }

  /** Return to the empty state; tasks waiting get `BrokenBarrierError`. Python: `await barrier.reset()`. */
  reset(): Lazy<void> {
    return new Lazy(async () => {
      await using _ = await this._cond.hold();
      if (this._count > 0) {
        if (this._state !== "resetting") this._state = "resetting";
      } else this._state = "filling";
      this._cond.notifyAll();
    });
  }

  /** Break the barrier: current and future waiters get `BrokenBarrierError`. Python: `await barrier.abort()`. */
  abort(): Lazy<void> {
    return new Lazy(async () => {
      await using _ = await this._cond.hold();
      this._state = "broken";
      this._cond.notifyAll();
    });
  }

  /** Python: `barrier.parties`. */
  get parties(): number {
    return this._parties;
  }

  /** Python: `barrier.n_waiting`. */
  get nWaiting(): number {
    return this._state === "filling" ? this._count : 0;
  }

  /** Python: `barrier.broken`. */
  get broken(): boolean {
    return this._state === "broken";
  }

  async _block(): Promise<void> {
    await this._cond.waitFor(() => this._state !== "draining" && this._state !== "resetting");
    if (this._state === "broken") throw new BrokenBarrierError("Barrier aborted");
  }

  _release(): void {
    this._state = "draining";
    this._cond.notifyAll();
  }

  async _wait(): Promise<void> {
    await this._cond.waitFor(() => this._state !== "filling");
    if (this._state === "broken" || this._state === "resetting")
      throw new BrokenBarrierError("Abort or reset of barrier");
  }

  _exit(): void {
    if (this._count === 0) {
      if (this._state === "resetting" || this._state === "draining") this._state = "filling";
      this._cond.notifyAll();
    }
  }
}
