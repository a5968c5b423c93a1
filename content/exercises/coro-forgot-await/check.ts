/**
 * Passes when the order is saved before the receipt goes out, and the run takes the two waits
 * one after the other (1 s + 0.5 s): the save must be awaited, not left running on its own.
 */
import {
  pass,
  requireFinished,
  requireFinishedAfter,
  requireFinishedBy,
  requirePrintedCount,
  requirePrintedInOrder,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedInOrder(run, [
      "saving order 7",
      "order 7 saved",
      "receipt for order 7 sent",
      "checkout complete",
    ]) ??
    requirePrintedCount(run, 4) ??
    requireFinishedAfter(run, 1.5) ??
    requireFinishedBy(run, 1.5) ??
    pass("the order was saved at 1.0 s, then the receipt went out at 1.5 s")
  );
}
