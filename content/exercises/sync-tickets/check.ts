/**
 * Passes when exactly three buyers get a ticket, the other two are told it is sold out, and
 * no ticket is sold twice: 0 left at the end, never less.
 */
import {
  pass,
  requireFinished,
  requirePrinted,
  requirePrintedCount,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedCount(run, 3, / got a ticket$/) ??
    requirePrintedCount(run, 2, /: sold out$/) ??
    requirePrinted(run, ["tickets left: 0"]) ??
    pass("three tickets sold, two buyers turned away, none left and none sold twice")
  );
}
