/**
 * Passes when, after the work, the three layers close innermost first (transaction, session,
 * connection) and none of them finds the layer below it already closed.
 */
import {
  pass,
  requireFinished,
  requireNotPrinted,
  requirePrintedCount,
  requirePrintedInOrder,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requireNotPrinted(run, /cannot say goodbye/) ??
    requirePrintedCount(run, 3, /^close /) ??
    requirePrintedInOrder(run, [
      "work done",
      "close transaction",
      "close session",
      "close connection",
    ]) ??
    pass("the layers closed innermost first: transaction, session, then connection")
  );
}
