/**
 * Passes when the three pages are fetched while the loop stays free: all three tasks wait at
 * once and the run is over by 1.0 s. A blocking call makes the waits add up to 3 s instead.
 */
import {
  pass,
  requireAtLeastWaiting,
  requireFinished,
  requireFinishedBy,
  requirePrintedCount,
  requirePrintedInOrder,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedCount(run, 3) ??
    requirePrintedInOrder(run, ["a.example: 200 OK", "b.example: 200 OK", "c.example: 200 OK"]) ??
    requireFinishedBy(run, 1.0) ??
    requireAtLeastWaiting(run, "sleep", 3, "waiting for a reply") ??
    pass("the three requests waited together, so the run was over at 1.0 s, not 3 s")
  );
}
