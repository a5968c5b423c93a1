/**
 * Passes when the six blocking queries run two at a time, as in a ThreadPoolExecutor with
 * max_workers=2: never more than two in a thread at once, two overlapping, done by 0.9 s.
 */
import {
  pass,
  requireAtLeastWaiting,
  requireAtMostWaiting,
  requireFinished,
  requireFinishedBy,
  requirePrinted,
  requirePrintedCount,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

const REPORTS = [..."ABCDEF"].map((name) => `report ${name}: 12 rows`);
const IN_THREAD = "in a thread";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedCount(run, 6) ??
    requirePrinted(run, REPORTS) ??
    requireAtMostWaiting(run, "sleep(0.3)", 2, IN_THREAD) ??
    requireAtLeastWaiting(run, "sleep(0.3)", 2, IN_THREAD) ??
    requireFinishedBy(run, 0.9) ??
    pass("two queries at a time, three rounds of 0.3 s: all six reports by 0.9 s")
  );
}
