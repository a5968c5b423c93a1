/**
 * "Concurrency over time": how many tasks were ready, running, waiting and blocked at each
 * moment. The timeline draws it as a summary band when there are too many lanes to show.
 *
 * The series is a step function kept as parallel arrays: point i holds from `t[i]` until
 * `t[i + 1]`. Every state change adds a point, even several at the same instant, so a
 * momentary peak (a task resumed and suspended within one loop tick) is never lost.
 */

/** What a task is doing, as far as the trace tells. */
export type TaskState = "ready" | "running" | "waiting" | "blocked" | "ended";

/** Counts of tasks in each live state at one moment. */
export interface Counts {
  /** Created, not yet started. */
  ready: number;
  /** Inside a step (a step only takes time when it blocks the loop). */
  running: number;
  /** Suspended on a timer, a future, another task, I/O. */
  waiting: number;
  /** Suspended on a synchronisation primitive: Lock, Semaphore, Event, Condition, Queue, Barrier. */
  blocked: number;
}

export const COUNT_KEYS = ["running", "waiting", "blocked", "ready"] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

const PRIMITIVE =
  /^(Lock|Semaphore|BoundedSemaphore|Event|Condition|Queue|PriorityQueue|LifoQueue|Barrier)\b/;

/** Whether a `suspended` event's `on` names a synchronisation primitive (so the task is "blocked"). */
export function isBlockedOn(on: string): boolean {
  return PRIMITIVE.test(on);
}

export class ConcurrencySeries {
  readonly t: number[] = [];
  readonly ready: number[] = [];
  readonly running: number[] = [];
  readonly waiting: number[] = [];
  readonly blocked: number[] = [];
  #now: Counts = { ready: 0, running: 0, waiting: 0, blocked: 0 };
  /** The most tasks alive (in any state but ended) at any point so far. */
  maxAlive = 0;

  get length(): number {
    return this.t.length;
  }

  /** Moves one task from `from` (null: it did not exist) to `to`, at time `t`. */
  change(t: number, from: TaskState | null, to: TaskState): void {
    if (from === to) return;
    if (from !== null && from !== "ended") this.#now[from]--;
    if (to !== "ended") this.#now[to]++;
    this.t.push(t);
    this.ready.push(this.#now.ready);
    this.running.push(this.#now.running);
    this.waiting.push(this.#now.waiting);
    this.blocked.push(this.#now.blocked);
    const c = this.#now;
    this.maxAlive = Math.max(this.maxAlive, c.ready + c.running + c.waiting + c.blocked);
  }

  /** The counts right now (after every change applied so far). */
  current(): Counts {
    return { ...this.#now };
  }

  /** The counts in force at time `t` (after every change made at `t`). */
  at(t: number): Counts {
    let lo = 0;
    let hi = this.t.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.t[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    const i = lo - 1;
    if (i < 0) return { ready: 0, running: 0, waiting: 0, blocked: 0 };
    return this.#point(i);
  }

  /** The largest value `pick` takes over every point of the series (0 when empty). */
  peak(pick: (c: Counts) => number): number {
    let max = 0;
    for (let i = 0; i < this.t.length; i++) max = Math.max(max, pick(this.#point(i)));
    return max;
  }

  #point(i: number): Counts {
    return {
      ready: this.ready[i]!,
      running: this.running[i]!,
      waiting: this.waiting[i]!,
      blocked: this.blocked[i]!,
    };
  }
}

/** Per-column averages of each count, for drawing the band at one value per pixel column. */
export type Binned = Record<CountKey, Float64Array>;

/**
 * Averages the series over `columns` equal slices of [t0, t1], each count weighted by how
 * long it held (so an instant that lasted no time adds nothing, and the band's area is the
 * true task-seconds). The last point holds until t1. O(points + columns).
 */
export function binConcurrency(
  s: ConcurrencySeries,
  t0: number,
  t1: number,
  columns: number,
): Binned {
  const out: Binned = {
    running: new Float64Array(columns),
    waiting: new Float64Array(columns),
    blocked: new Float64Array(columns),
    ready: new Float64Array(columns),
  };
  const span = t1 - t0;
  if (columns <= 0 || span <= 0) return out;
  const w = span / columns;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const a = Math.max(s.t[i]!, t0);
    const b = Math.min(i + 1 < n ? s.t[i + 1]! : t1, t1);
    if (b <= a) continue;
    const first = Math.min(columns - 1, Math.floor((a - t0) / w));
    const last = Math.min(columns - 1, Math.floor((b - t0) / w));
    for (let c = first; c <= last; c++) {
      const lo = Math.max(a, t0 + c * w);
      const hi = Math.min(b, t0 + (c + 1) * w);
      if (hi <= lo) continue;
      const f = (hi - lo) / w;
      out.running[c]! += s.running[i]! * f;
      out.waiting[c]! += s.waiting[i]! * f;
      out.blocked[c]! += s.blocked[i]! * f;
      out.ready[c]! += s.ready[i]! * f;
    }
  }
  return out;
}
