/**
 * Passes when the first two ERROR lines are printed, the log is closed right after the second
 * (having read 2 of its 4 pages), and the run is over by 2.0 s: the consumer stopped asking,
 * so the generator stopped reading.
 */
import {
  fail,
  pass,
  printedTexts,
  requireFinished,
  requireFinishedBy,
  requireNotPrinted,
  requirePrintedInOrder,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

const CLOSED = "log closed after 2 of 4 pages";

function requireClosedEarly(run: RunResult): CheckResult | null {
  const closed = printedTexts(run).find((t) => t.startsWith("log closed after"));
  if (closed === undefined) return fail("the log was never closed (its finally did not run)");
  if (closed !== CLOSED)
    return fail(`printed “${closed}”: the log should close after page 2, once two errors are in`);
  return null;
}

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedInOrder(run, ["ERROR disk full", "ERROR write failed"]) ??
    requireNotPrinted(run, "ERROR timeout") ??
    requireClosedEarly(run) ??
    requirePrintedInOrder(run, ["ERROR write failed", CLOSED]) ??
    requireFinishedBy(run, 2.0) ??
    pass("two errors printed, then the log closed after reading only 2 of its 4 pages")
  );
}
