/**
 * The time axis: how wide the drawn span is while a run grows and when it ends, where the
 * ticks go, and how times read. Pure, so the tests can pin the numbers down.
 */

const GROWTH = [1, 1.5, 2, 3, 4, 5, 6, 8];

/** The smallest span a live axis shows: a run's first events do not fill the width at once. */
export const MIN_LIVE_SPAN = 0.1;

/**
 * The span a live (still running) axis shows for the time reached so far: the next "nice"
 * value at or above it (1, 1.5, 2, 3, 4, 5, 6, 8 × 10ⁿ), so the scale changes now and then
 * as the run goes on, never every frame.
 */
export function liveSpan(now: number): number {
  // NaN or Infinity would never reach a "nice" value: the loop below would not end.
  if (!Number.isFinite(now)) return MIN_LIVE_SPAN;
  const t = Math.max(now, MIN_LIVE_SPAN);
  let p = 10 ** Math.floor(Math.log10(t));
  for (;;) {
    for (const g of GROWTH) {
      const v = g * p;
      // Guard against 0.30000000000000004 > 0.3 style misses.
      if (v >= t * (1 - 1e-9)) return Number(v.toPrecision(12));
    }
    p *= 10;
  }
}

/** The span a finished run's axis shows: exactly the run, or a small one for a run that took no time. */
export function finishedSpan(tEnd: number): number {
  return tEnd > 0 && Number.isFinite(tEnd) ? tEnd : 0.001;
}

export interface Ticks {
  /** Tick times in seconds, from 0, `step` apart, none past the span. */
  values: number[];
  step: number;
  /** "ms" when the whole span is under a second, else "s". */
  unit: "ms" | "s";
  labels: string[];
}

/** Ticks for a span in seconds from 0: a 1/2/5 × 10ⁿ step giving at most `maxTicks` intervals. */
export function ticks(span: number, maxTicks: number): Ticks {
  return ticksIn(0, span, maxTicks);
}

/**
 * Ticks for the window [start, end] (a zoomed or panned axis): the multiples of a 1/2/5 × 10ⁿ
 * step inside it, at most `maxTicks` intervals apart. "ms" while the window ends before 1 s.
 */
export function ticksIn(start: number, end: number, maxTicks: number): Ticks {
  const span = end - start;
  // A non-finite or non-positive span has no step that ever reaches its end.
  if (!(Number.isFinite(span) && span > 0 && Number.isFinite(start)))
    return { values: [0], step: 1, unit: "ms", labels: ["0 ms"] };
  const want = span / Math.max(1, maxTicks);
  const p = 10 ** Math.floor(Math.log10(want));
  let step = 10 * p;
  for (const m of [1, 2, 5]) {
    if (m * p >= want * (1 - 1e-9)) {
      step = m * p;
      break;
    }
  }
  const unit = end < 1 ? "ms" : "s";
  const scale = unit === "ms" ? 1000 : 1;
  const decimals = Math.max(0, -Math.floor(Math.log10(step * scale) + 1e-9));
  const values: number[] = [];
  const slack = span * 1e-9;
  for (let i = Math.ceil((start - slack) / step); i * step <= end + slack; i++)
    values.push(Number((i * step).toPrecision(12)));
  const labels = values.map((v) => `${(v * scale).toFixed(decimals)} ${unit}`);
  return { values, step, unit, labels };
}

/** A time as the transcript writes it: `1.000 s`. */
export function formatTime(t: number): string {
  return `${t.toFixed(3)} s`;
}

/** A duration for prose: `250 ms`, `3.0 s`, `42 s`. */
export function formatSpan(s: number): string {
  if (s < 1) return `${Math.round(s * 1000)} ms`;
  return `${s.toFixed(s < 10 ? 1 : 0)} s`;
}
