/**
 * Passes when all three audit entries are saved, the orders are still handled at once (the
 * handler does not wait for its audit), and the audits overlap, so the run ends by 0.5 s.
 */
import {
  pass,
  requireFinished,
  requireFinishedBy,
  requirePrinted,
  requirePrintedBy,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrinted(run, ["audit: saved #1", "audit: saved #2", "audit: saved #3"]) ??
    requirePrintedBy(run, "all orders handled", 0) ??
    requireFinishedBy(run, 0.5) ??
    pass(
      "every audit entry was saved before the program ended, and the orders were handled at once",
    )
  );
}
