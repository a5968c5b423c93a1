/**
 * Passes when the failed quote is reported as unavailable and the report goes on to MSFT: the
 * QuoteUnavailable raised in fetchQuote must be caught on its way up, not escape asyncio.run.
 */
import {
  pass,
  requireFinished,
  requireFinishedBy,
  requirePrintedCount,
  requirePrintedInOrder,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedInOrder(run, [
      "AAPL: 189.50",
      /^XYZ: unavailable\b.*no quote for XYZ/,
      "MSFT: 411.25",
      "report done",
    ]) ??
    requirePrintedCount(run, 4) ??
    requireFinishedBy(run, 1.5) ??
    pass("XYZ was reported as unavailable and the report carried on to MSFT")
  );
}
