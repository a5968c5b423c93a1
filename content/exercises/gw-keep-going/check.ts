/**
 * Passes when no exception escapes, all five outcomes are printed in image order (four results
 * and the failure of image 3), and the resizes overlapped: done by 1.0 s.
 */
import {
  pass,
  requireFinished,
  requireFinishedBy,
  requirePrintedCount,
  requirePrintedInOrder,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedCount(run, 5) ??
    requirePrintedInOrder(run, [
      "image 1 resized",
      "image 2 resized",
      /image 3 is corrupt/,
      "image 4 resized",
      "image 5 resized",
    ]) ??
    requireFinishedBy(run, 1.0) ??
    pass(
      "all five outcomes were printed in order, the failure included, and the run ended by 1.0 s",
    )
  );
}
