/**
 * Passes when the spinner gets turns while the crunching is still going on: its first line by
 * 0.2 s (the end of the first block) and its second line before the crunch is done. Without a
 * yield between blocks the crunch holds the loop for the whole 1 s.
 */
import {
  pass,
  requireFinished,
  requirePrintedBy,
  requirePrintedCount,
  requirePrintedInOrder,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedCount(run, 5, /^crunch: block \d of 5$/) ??
    requirePrintedCount(run, 4, /^spinner: still responsive/) ??
    requirePrintedInOrder(run, [
      "crunch: block 1 of 5",
      "crunch: block 2 of 5",
      "crunch: block 3 of 5",
      "crunch: block 4 of 5",
      "crunch: block 5 of 5",
    ]) ??
    requirePrintedBy(run, "spinner: still responsive (1)", 0.2) ??
    requirePrintedInOrder(run, ["spinner: still responsive (2)", "crunch: done"]) ??
    pass("the spinner kept getting turns while the blocks were crunched")
  );
}
