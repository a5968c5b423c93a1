/**
 * Is the sandbox frame's process still there while something runs? The frame's own watchdog
 * ends a run whose worker falls silent, but it dies with its process: a worker that runs out
 * of memory takes the whole sandbox process down (Chromium ends a renderer whose worker hits
 * V8's heap limit), and the page would wait for an `end` forever. So the page asks, once a
 * second while a run is on, and the frame answers from its own thread, which reader code
 * never blocks. A question unanswered for `DEAD_AFTER_MS` means the process is gone.
 *
 * Only an unanswered question counts, never time since the last message: a hidden tab's timers
 * are throttled to once a minute, and a late tick must not read as a dead frame.
 */

export const PING_EVERY_MS = 1000;
export const DEAD_AFTER_MS = 10_000;

export interface LivenessHooks {
  ping(seq: number): void;
  running(): boolean;
  dead(): void;
  /** The clock and the timer (tests give their own). */
  now?(): number;
  every?(ms: number, tick: () => void): () => void;
}

function every(ms: number, tick: () => void): () => void {
  const timer = setInterval(tick, ms);
  return () => clearInterval(timer);
}

export class FrameLiveness {
  readonly #hooks: LivenessHooks;
  #seq = 0;
  /** When the oldest unanswered question was sent, or null when all were answered. */
  #askedAt: number | null = null;
  #cancel: (() => void) | null = null;

  constructor(hooks: LivenessHooks) {
    this.#hooks = hooks;
  }

  #now(): number {
    return this.#hooks.now?.() ?? performance.now();
  }

  /** A run started: ask until nothing runs. */
  watch(): void {
    if (this.#cancel !== null) return;
    this.#askedAt = null;
    this.#cancel = (this.#hooks.every ?? every)(PING_EVERY_MS, () => this.#tick());
  }

  /** The frame said something (any message): it is alive. */
  heard(): void {
    this.#askedAt = null;
  }

  #tick(): void {
    if (!this.#hooks.running()) {
      this.#stop();
    } else if (this.#askedAt === null) {
      this.#askedAt = this.#now();
      this.#hooks.ping(++this.#seq);
    } else if (this.#now() - this.#askedAt > DEAD_AFTER_MS) {
      this.#stop();
      this.#hooks.dead();
    }
  }

  #stop(): void {
    this.#cancel?.();
    this.#cancel = null;
    this.#askedAt = null;
  }
}
