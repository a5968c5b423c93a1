/**
 * Compare: what the reader's TypeScript and Python printed, line by line. The n-th line of one
 * is set beside the n-th of the other (a program that printed fewer has nothing there), and a
 * pair is the same when `verdict.ts` would call it the same: text, task and kind exactly, the
 * stamps within the runs' tolerance (exact when both ran on the virtual clock). Pure.
 */
import type { TraceEvent } from "../../runtime/asyncio/trace.ts";
import type { ParsedLine } from "../../runtime/asyncio/transcript.ts";
import type { Speed } from "../../sandbox/protocol.ts";
import { describeLine, runTolerance, sameLine, type Tolerance } from "../verdict.ts";

/** One finished run, as Compare needs it. */
export interface ComparedRun {
  lines: readonly ParsedLine[];
  events: readonly TraceEvent[];
  speed: Speed;
  /** Loop time at the end, seconds. */
  t: number;
}

/** One row: the n-th line each printed (null: it printed no n-th line), as the output shows it. */
export interface ComparedLine {
  typescript: string | null;
  python: string | null;
  same: boolean;
}

export interface Comparison {
  rows: ComparedLine[];
  /** How many rows differ. */
  differing: number;
}

const at = (tolerance: Tolerance, t: number) =>
  typeof tolerance === "number" ? tolerance : tolerance(t);

/**
 * Sets the two runs' lines side by side and marks the pairs that differ.
 * @example
 * compareRuns(tsRun, pyRun).differing === 0; // they printed the same thing
 */
export function compareRuns(typescript: ComparedRun, python: ComparedRun): Comparison {
  const tsTolerance = runTolerance(typescript.speed, typescript.events);
  const pyTolerance = runTolerance(python.speed, python.events);
  const n = Math.max(typescript.lines.length, python.lines.length);
  const rows: ComparedLine[] = [];
  let differing = 0;
  for (let i = 0; i < n; i++) {
    const a = typescript.lines[i];
    const b = python.lines[i];
    const t = a?.t ?? b?.t ?? 0;
    const allowed = Math.max(at(tsTolerance, t), at(pyTolerance, t));
    const same = a !== undefined && b !== undefined && sameLine(a, b, allowed);
    if (!same) differing++;
    rows.push({
      typescript: a ? describeLine(a) : null,
      python: b ? describeLine(b) : null,
      same,
    });
  }
  return { rows, differing };
}
