/** Passes when all three pages are fetched and the run ends by 1.5 s (the requests overlap). */
import {
  pass,
  requireFinished,
  requireFinishedBy,
  requirePrinted,
  requirePrintedCount,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedCount(run, 3, /^page \d: 200$/) ??
    requirePrinted(run, ["got 3 pages"]) ??
    requireFinishedBy(run, 1.5) ??
    pass("three pages at once, done by 1.5 s")
  );
}
