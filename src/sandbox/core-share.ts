/**
 * Gives the worker's core away for a moment while a program runs flat out (a flood: a print
 * loop that never awaits, a `sleep(0)` loop at Instant), so that the page's main thread, which
 * shares the machine's cores with it, finds one free when it has something to do (issue 18: the
 * page must answer within 200 ms; on a 2-core machine a flood's slow round trips were the page
 * waiting for a core, not the page at work).
 *
 * A macrotask yield does not do it: the thread stays runnable and the scheduler sees it busy.
 * `Atomics.wait` sleeps the thread for real. It needs shared memory, which a page that is not
 * cross-origin isolated (the sandbox's opaque origin) cannot make as a `SharedArrayBuffer`, but
 * can as a shared `WebAssembly.Memory` that never leaves this thread. Where the browser refuses
 * even that, the worker does not rest (`threadSleep` returns null).
 *
 * Only a long stretch of work rests: the worker reports each sign of work (a trace event) and
 * rests once those have come without a gap for `BUSY_MS`; an ordinary run (the largest example
 * runs in a few ms) never does. No DOM and an injected clock and sleep, so tested in node.
 */

/** Flat-out work before a rest: about two frames. */
export const BUSY_MS = 40;
/** One rest: long enough for a waiting thread to be scheduled and run a frame's work. */
export const REST_MS = 10;
/** A gap this long between signs of work means the worker was idle: a new stretch starts. */
export const GAP_MS = 2;

export class CoreShare {
  readonly #now: () => number;
  readonly #sleep: (ms: number) => void;
  #since = Number.NEGATIVE_INFINITY;
  #last = Number.NEGATIVE_INFINITY;
  /** Rests taken (for tests and the curious). */
  rests = 0;

  constructor(now: () => number, sleep: (ms: number) => void) {
    this.#now = now;
    this.#sleep = sleep;
  }

  /** One sign of work; rests when the work has gone on without a gap for `BUSY_MS`. */
  working(): void {
    const now = this.#now();
    if (now - this.#last > GAP_MS) this.#since = now;
    this.#last = now;
    if (now - this.#since < BUSY_MS) return;
    this.#sleep(REST_MS);
    this.rests += 1;
    this.#since = this.#last = this.#now();
  }
}

/**
 * A real sleep of this thread (`Atomics.wait` on a private shared memory), or null where none.
 * The sleep says how it ended: always `"timed-out"`, as nothing else can wake it.
 */
export function threadSleep(): ((ms: number) => string) | null {
  try {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    const cell = new Int32Array(memory.buffer);
    // Nothing ever writes the cell or notifies it: each wait runs to its timeout.
    Atomics.wait(cell, 0, 0, 0);
    return (ms) => Atomics.wait(cell, 0, 0, ms);
  } catch {
    return null;
  }
}
