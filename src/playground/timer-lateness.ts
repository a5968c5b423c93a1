/**
 * How late the host ran a run's timers, measured from the run's own trace. On a real clock a
 * `sleep(1)` that resumes at +1.035 s was woken 35 ms late (the worker was not scheduled, the
 * machine was busy), and every later line of that task is late by as much: that is jitter of
 * the host, not a difference from Python. Pure.
 */
import type { TraceEvent } from "../runtime/asyncio/trace.ts";

const SLEEP = /^sleep\((\d+(?:\.\d+)?(?:e[+-]?\d+)?)\)$/;

/** A stretch of loop time when a timer was due but its task had not resumed yet. */
interface Late {
  due: number;
  resumed: number;
}

/**
 * The host's lateness up to each moment of the run: `at(t)` is the loop time, up to `t`, during
 * which some sleeping task was due but not yet resumed (overlapping stretches counted once, so
 * a hundred tasks woken late by the same stall count as one stall). A line's stamp can have
 * drifted from CPython's by at most this much (plus the time the steps themselves took).
 *
 * @example
 * const late = timerLateness(run.events);
 * late.at(2.1); // 0.085: the timers before +2.1 s fired 85 ms late in all
 */
export function timerLateness(events: readonly TraceEvent[]): {
  at(t: number): number;
  total: number;
} {
  const due = new Map<number, number>();
  const stretches: Late[] = [];
  for (const e of events) {
    if (e.type === "suspended") {
      const m = SLEEP.exec(e.on);
      const seconds = m ? Number(m[1]) : 0;
      if (seconds > 0) due.set(e.task, e.t + seconds);
      else due.delete(e.task);
    } else if (e.type === "resumed") {
      const at = due.get(e.task);
      due.delete(e.task);
      if (at !== undefined && e.t > at) stretches.push({ due: at, resumed: e.t });
    } else if (e.type === "done" || e.type === "failed" || e.type === "cancelled") {
      due.delete(e.task);
    }
  }
  const merged = union(stretches);
  const at = (t: number): number => {
    let sum = 0;
    for (const s of merged) {
      if (s.due >= t) break;
      sum += Math.min(s.resumed, t) - s.due;
    }
    return sum;
  };
  return { at, total: at(Number.POSITIVE_INFINITY) };
}

function union(stretches: Late[]): Late[] {
  const sorted = [...stretches].sort((a, b) => a.due - b.due);
  const out: Late[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.due <= last.resumed) last.resumed = Math.max(last.resumed, s.resumed);
    else out.push({ ...s });
  }
  return out;
}
