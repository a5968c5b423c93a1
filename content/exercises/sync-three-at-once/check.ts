/**
 * Passes when all nine pages are fetched, never more than three tasks wait on the network
 * (`sleep`) at once, three do overlap, and the run ends by 3.0 s.
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

export default function check(run: RunResult): CheckResult {
  const network = "waiting on the network";
  return (
    requireFinished(run) ??
    requirePrintedCount(run, 9, /^fetching page \d$/) ??
    requirePrinted(run, ["got 9 pages"]) ??
    requireAtMostWaiting(run, "sleep", 3, network) ??
    requireAtLeastWaiting(run, "sleep", 3, network) ??
    requireFinishedBy(run, 3.0) ??
    pass("nine pages, never more than three on the network at once, done by 3.0 s")
  );
}
