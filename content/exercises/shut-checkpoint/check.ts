/**
 * Passes when the checkpoint is saved although the shutdown keeps its 0.2 s deadline: the import
 * stops at row 10, the shutdown stops waiting for it by 1.25 s, the checkpoint of row 10 is saved
 * and only then is the database closed. A save awaited in `finally` is cancelled a second time
 * when the deadline passes, and never lands.
 */
import {
  pass,
  requireFinished,
  requirePrintedBy,
  requirePrintedCount,
  requirePrintedInOrder,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

const EXPECTED = [
  "import stopped at row 10",
  "shutdown: stopped waiting for the import",
  "checkpoint saved at row 10",
  "shutdown: closing the database",
];

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedInOrder(run, EXPECTED) ??
    requirePrintedCount(run, EXPECTED.length) ??
    requirePrintedBy(run, "shutdown: stopped waiting for the import", 1.25) ??
    pass("the shutdown kept its deadline, and the checkpoint was saved before the database closed")
  );
}
