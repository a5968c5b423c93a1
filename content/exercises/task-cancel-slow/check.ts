/**
 * Passes when the database lookup is cancelled (not left to finish), its finally block runs
 * before "done", and the run is over by 1.0 s.
 */
import {
  pass,
  requireFinished,
  requireFinishedBy,
  requirePrintedInOrder,
  requireTaskOutcome,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedInOrder(run, ["cache: price is 42"]) ??
    requireTaskOutcome(run, "database", "cancelled") ??
    requirePrintedInOrder(run, ["cache: price is 42", "database: connection closed", "done"]) ??
    requireFinishedBy(run, 1.0) ??
    pass(
      "the slow database lookup was cancelled, closed its connection before “done”, and the run ended by 1.0 s",
    )
  );
}
