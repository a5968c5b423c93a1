/**
 * Same as Python? Compares the lines a run printed with CPython's recorded transcript: text,
 * order and task names always exactly. On the virtual clock the stamps must match to the
 * millisecond; on a real clock each stamp may be off by a tolerance that grows with the speed
 * (50 ms of wall time: 0.05 s of program time at 1×, 0.5 s at 10×) and with how late the host
 * woke the run's timers (`timer-lateness.ts`), and a run within it is the same, with its drift
 * reported. Pure.
 */
import type { TraceEvent } from "../runtime/asyncio/trace.ts";
import type { ParsedLine } from "../runtime/asyncio/transcript.ts";
import { lineParts } from "./stamp.ts";
import { timerLateness } from "./timer-lateness.ts";

export type Verdict =
  /** `drift`: the largest difference of a stamp from CPython's, seconds (0 when exact). */
  | { same: true; drift: number }
  | { same: false; line: number; expected: string | null; actual: string | null };

/**
 * Seconds of program time a stamp may be off: a number for every line, or one per line from
 * the run's time at that line. 0 means the exact 3-decimal stamp.
 */
export type Tolerance = number | ((t: number) => number);

/** How one line reads in a verdict message: `+1.000s Task-2 Goodbye Alice`, as the output shows it. */
export function describeLine(line: ParsedLine): string {
  const p = lineParts(line);
  return [p.stamp, p.task, p.text].filter((part) => part !== "").join(" ");
}

const NUMBER = /\d+(?:\.\d+)?/g;

/**
 * On a real clock a program that prints a measured time (`Total time: 2.001 seconds`) cannot
 * match CPython's exact figure; numbers in the text may then differ by the stamp tolerance.
 */
function sameText(a: string, b: string, tolerance: number): boolean {
  if (a === b) return true;
  if (tolerance === 0 || a.replace(NUMBER, "#") !== b.replace(NUMBER, "#")) return false;
  const na = a.match(NUMBER) ?? [];
  const nb = b.match(NUMBER) ?? [];
  return na.every((x, i) => Math.abs(Number(x) - Number(nb[i])) <= tolerance + 1e-9);
}

/** Whether two printed lines are the same, stamps within `tolerance` seconds (0: exact). */
export function sameLine(a: ParsedLine, b: ParsedLine, tolerance: number): boolean {
  if (a.kind !== b.kind || a.task !== b.task || !sameText(a.text, b.text, tolerance)) return false;
  if (a.kind === "exception" && b.kind === "exception" && a.depth !== b.depth) return false;
  if (a.t === null || b.t === null) return a.t === b.t;
  return tolerance === 0 ? a.t.toFixed(3) === b.t.toFixed(3) : Math.abs(a.t - b.t) <= tolerance;
}

/**
 * @param tolerance seconds of program time a stamp may be off (see `Tolerance`).
 * @example
 * compareTranscripts(parseTranscript(pythonOut), run.lines, runTolerance("1x", run.events));
 */
export function compareTranscripts(
  expected: readonly ParsedLine[],
  actual: readonly ParsedLine[],
  tolerance: Tolerance,
): Verdict {
  const n = Math.max(expected.length, actual.length);
  let drift = 0;
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const a = actual[i];
    const allowed = typeof tolerance === "number" ? tolerance : tolerance(a?.t ?? 0);
    if (e && a && sameLine(e, a, allowed)) {
      if (allowed > 0 && e.t !== null && a.t !== null) drift = Math.max(drift, Math.abs(a.t - e.t));
      continue;
    }
    return {
      same: false,
      line: i + 1,
      expected: e ? describeLine(e) : null,
      actual: a ? describeLine(a) : null,
    };
  }
  return { same: true, drift };
}

/** Wall-clock seconds a stamp may be off on a real clock before the host's measured lateness. */
const WALL_TOLERANCE = 0.05;

/** The base stamp tolerance for a speed: exact on the virtual clock, 50 ms of wall time otherwise. */
export function toleranceFor(speed: "1x" | "10x" | "instant"): number {
  return speed === "instant" ? 0 : speed === "10x" ? WALL_TOLERANCE * 10 : WALL_TOLERANCE;
}

/**
 * The tolerance for one run: the speed's base, plus how late the host woke the run's timers
 * up to each line (its own stalls, already in program time, so ×10 at 10×).
 */
export function runTolerance(
  speed: "1x" | "10x" | "instant",
  events: readonly TraceEvent[],
): Tolerance {
  const base = toleranceFor(speed);
  if (base === 0) return 0;
  const late = timerLateness(events);
  return (t) => base + late.at(t);
}
