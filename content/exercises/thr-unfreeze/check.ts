/**
 * Passes when the three 1-second reads wait in threads at the same time, so the run is over by
 * 1.1 s (not 3 s), while the spinner keeps its 0.3 s rhythm. A read that blocks the loop makes
 * the waits add up and starves the spinner.
 */
import {
  fail,
  pass,
  printedLines,
  requireAtLeastWaiting,
  requireFinished,
  requireFinishedAfter,
  requireFinishedBy,
  requirePrinted,
  requirePrintedBy,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

const FILES = ["a.txt: 120 lines", "b.txt: 120 lines", "c.txt: 120 lines"];

/** The longest stretch between the start and the first spinner line, or between two of them. */
function longestSpinnerGap(run: RunResult): { gap: number; at: number } {
  let last = 0;
  let worst = { gap: 0, at: 0 };
  for (const line of printedLines(run)) {
    if (!line.text.startsWith("spinner")) continue;
    if (line.t - last > worst.gap) worst = { gap: line.t - last, at: line.t };
    last = line.t;
  }
  return worst;
}

export default function check(run: RunResult): CheckResult {
  const spinner = longestSpinnerGap(run);
  return (
    requireFinished(run) ??
    requirePrinted(run, FILES) ??
    requireFinishedBy(run, 1.1) ??
    requireFinishedAfter(run, 1.0) ??
    requireAtLeastWaiting(run, "sleep(1)", 3, "waiting for a read") ??
    requirePrintedBy(run, "spinner 3", 0.9) ??
    (spinner.gap > 0.35
      ? fail(
          `the spinner went ${spinner.gap.toFixed(2)} s without a turn (until ${spinner.at.toFixed(2)} s)`,
        )
      : null) ??
    pass(
      "the three reads waited in threads together: done at 1.0 s, and the spinner never missed a beat",
    )
  );
}
