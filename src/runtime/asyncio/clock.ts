/**
 * The loop's clocks, behind one interface. Times are seconds since the clock started.
 *
 * - virtual: time only moves when the loop jumps to the next timer (nothing else is ready) or a
 *   `blockingSleep` holds the loop; exact, instant, deterministic. The default.
 * - real: `performance.now()`.
 * - scaled: real time × k (`10×` runs ten times faster than real).
 */
export interface Clock {
  readonly kind: "virtual" | "real" | "scaled";
  /** Seconds since the clock started. */
  now(): number;
  /**
   * Virtual clock only: move time forward by `dt` seconds, computed as CPython's virtual-clock
   * recorder does (`t += timeout`), so float sums match to the last bit.
   */
  advance(dt: number): void;
  /** Real milliseconds to wait for `dt` seconds of this clock to pass (virtual: 0). */
  realMs(dt: number): number;
}

const perfNow: () => number =
  typeof performance !== "undefined" ? () => performance.now() : () => Date.now();

/**
 * A clock that jumps: `now()` only changes through `advance`.
 * @example
 * asyncio.configure({ clock: new asyncio.VirtualClock() });
 */
export class VirtualClock implements Clock {
  readonly kind = "virtual" as const;
  #t = 0;
  now(): number {
    return this.#t;
  }
  advance(dt: number): void {
    if (dt > 0) this.#t += dt;
  }
  realMs(): number {
    return 0;
  }
}

/**
 * Real time scaled by `factor` (1 = real time).
 * @example
 * asyncio.configure({ clock: () => new asyncio.ScaledClock(10) }); // "10×"
 */
export class ScaledClock implements Clock {
  readonly kind: "real" | "scaled";
  readonly factor: number;
  #start = perfNow();
  #offset = 0;
  constructor(factor = 1) {
    if (!(factor > 0)) throw new RangeError("clock factor must be > 0");
    this.factor = factor;
    this.kind = factor === 1 ? "real" : "scaled";
  }
  now(): number {
    return ((perfNow() - this.#start) / 1000) * this.factor + this.#offset;
  }
  /** A blocking sleep on a real clock really blocks; `advance` only exists for the interface. */
  advance(dt: number): void {
    if (dt > 0) this.#offset += dt;
  }
  realMs(dt: number): number {
    return Math.max(0, (dt * 1000) / this.factor);
  }
}

/**
 * The real clock (`performance.now()`), for "1×".
 * @example
 * asyncio.configure({ clock: () => new asyncio.RealClock() });
 */
export class RealClock extends ScaledClock {
  constructor() {
    super(1);
  }
}

/** Which clock a run uses: a kind name, a factory (called once per run), or an instance. */
export type ClockSpec = "virtual" | "real" | "scaled" | Clock | (() => Clock);

/** A fresh clock for a run (scaled defaults to 10×). */
export function makeClock(spec: ClockSpec): Clock {
  if (spec === "virtual") return new VirtualClock();
  if (spec === "real") return new RealClock();
  if (spec === "scaled") return new ScaledClock(10);
  if (typeof spec === "function") return spec();
  return spec;
}
