/**
 * Same as Python? Compares the lines a run printed with CPython's recorded transcript. On the
 * virtual clock the stamps must match to the millisecond; on a real clock each stamp may be
 * off by a tolerance (50 ms of wall time, i.e. 0.5 s of program time at 10×). Pure.
 */

import type { ParsedLine } from "../runtime/asyncio/transcript.ts";
import { lineParts } from "./stamp.ts";

export type Verdict =
  | { same: true }
  | { same: false; line: number; expected: string | null; actual: string | null };

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

function sameLine(a: ParsedLine, b: ParsedLine, tolerance: number): boolean {
  if (a.kind !== b.kind || a.task !== b.task || !sameText(a.text, b.text, tolerance)) return false;
  if (a.kind === "exception" && b.kind === "exception" && a.depth !== b.depth) return false;
  if (a.t === null || b.t === null) return a.t === b.t;
  return tolerance === 0 ? a.t.toFixed(3) === b.t.toFixed(3) : Math.abs(a.t - b.t) <= tolerance;
}

/**
 * @param tolerance seconds of program time a stamp may be off; 0 means the exact 3-decimal stamp.
 */
export function compareTranscripts(
  expected: readonly ParsedLine[],
  actual: readonly ParsedLine[],
  tolerance: number,
): Verdict {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e && a && sameLine(e, a, tolerance)) continue;
    return {
      same: false,
      line: i + 1,
      expected: e ? describeLine(e) : null,
      actual: a ? describeLine(a) : null,
    };
  }
  return { same: true };
}

/** The stamp tolerance for a speed: exact on the virtual clock, 50 ms of wall time otherwise. */
export function toleranceFor(speed: "1x" | "10x" | "instant"): number {
  return speed === "instant" ? 0 : speed === "10x" ? 0.5 : 0.05;
}
