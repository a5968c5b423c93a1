/**
 * Passes when the three reports are built, their handlers overlap (three tasks asleep at once)
 * and the run ends by 1.5 s.
 */
import {
  pass,
  requireAtLeastWaiting,
  requireFinished,
  requireFinishedBy,
  requirePrinted,
  requirePrintedCount,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedCount(run, 3, /^building report \d$/) ??
    requirePrinted(run, ["['report 1', 'report 2', 'report 3']"]) ??
    requireAtLeastWaiting(run, "sleep", 3, "waiting in a handler") ??
    requireFinishedBy(run, 1.5) ??
    pass("three handlers waited together, done by 1.5 s")
  );
}
