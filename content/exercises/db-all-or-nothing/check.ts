/**
 * Passes when the failed transfer leaves no trace: the bank still holds 150 in all at the end
 * (a credit written before the failure must be rolled back), and the good transfer still
 * goes through.
 */
import {
  fail,
  pass,
  printedTexts,
  requireFinished,
  requireNotPrinted,
  requirePrinted,
  requirePrintedCount,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrinted(run, ["alice -> bob: 30 moved", /^bob -> alice: failed/]) ??
    (printedTexts(run).at(-1)?.startsWith("total ") && printedTexts(run).at(-1) !== "total 150"
      ? fail(
          `the bank ends with “${printedTexts(run).at(-1)}”: the failed transfer left its credit behind`,
        )
      : null) ??
    requireNotPrinted(run, /^total (?!150$)/) ??
    requirePrintedCount(run, 2, "total 150") ??
    pass("the failed transfer was rolled back: still 150 in the bank")
  );
}
