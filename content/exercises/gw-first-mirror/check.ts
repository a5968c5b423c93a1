/**
 * Passes when the fastest mirror's answer is printed at 0.4 s, the two slower downloads are
 * cancelled rather than left to finish, and the run is over by 0.5 s.
 */
import {
  pass,
  requireFinished,
  requireFinishedBy,
  requirePrintedBy,
  requirePrintedCount,
  requireTaskOutcome,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedBy(run, "mirror-b: 200 OK", 0.4) ??
    requirePrintedCount(run, 1) ??
    requireTaskOutcome(run, "mirror-a", "cancelled") ??
    requireTaskOutcome(run, "mirror-c", "cancelled") ??
    requireFinishedBy(run, 0.5) ??
    pass(
      "the first answer (mirror-b) was printed at 0.4 s and the two slower downloads were cancelled",
    )
  );
}
