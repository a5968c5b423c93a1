/** The lines a Predict exercise asks the reader to order, taken from a parsed transcript. Pure. */

import type { ParsedLine } from "../../runtime/asyncio/transcript.ts";
import { lineParts } from "../stamp.ts";

/** One line to place: its text as the reader sees it, and when CPython printed it. */
export interface PredictLine {
  text: string;
  /** Seconds since the loop started; null for a line without a stamp. */
  t: number | null;
}

/** What the island reads from the page: the lines in the right order, and the shown order. */
export interface PredictData {
  id: string;
  /** The Python version whose recording the lines come from (the newest recorded). */
  version?: string;
  lines: PredictLine[];
  /** `order[k]` is the index into `lines` of the line shown at position k. */
  order: number[];
  /** The lines and shown order of the versions that printed something else, by version ("3.11"). */
  versions?: Record<string, { lines: PredictLine[]; order: number[] }>;
}

export function predictLines(transcript: readonly ParsedLine[]): PredictLine[] {
  return transcript.map((line) => ({ text: lineParts(line).text, t: line.t }));
}

/** The time the reader guesses: when the last stamped line was printed. */
export function lastLineTime(lines: readonly PredictLine[]): number {
  let last = 0;
  for (const l of lines) if (l.t !== null) last = l.t;
  return last;
}
