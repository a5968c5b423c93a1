/**
 * Passes when the app gives up on the report after 1 s and the report's task is really
 * cancelled (its "report: cancelled" line is printed) before the loop stops, all by 1 s. Waiting
 * without a deadline gets the report at 30 s; a timeout on `result()` alone, followed at once by
 * the loop's stop, leaves the report's task cancelled on paper but never run again.
 */
import {
  pass,
  requireFinished,
  requireFinishedBy,
  requireNotPrinted,
  requirePrinted,
  requirePrintedInOrder,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requireNotPrinted(run, /^got /) ??
    requirePrinted(run, ["report: cancelled", "app: no report, carrying on", "app: done"]) ??
    requirePrintedInOrder(run, ["report: cancelled", "app: done"]) ??
    requireFinishedBy(run, 1) ??
    pass("the app gave up after 1 s, and the report's task was cancelled before the loop stopped")
  );
}
