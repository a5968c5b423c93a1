/**
 * Passes when the client prints every line the server sends, each as it arrives (0.1 s apart),
 * and notices the end only when the server has closed: one `read(1024)` returns whatever has
 * arrived so far, the first line only.
 */
import {
  pass,
  requireFinished,
  requirePrintedBy,
  requirePrintedCount,
  requirePrintedInOrder,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

const EXPECTED = ["got: line 1", "got: line 2", "got: line 3", "server closed the connection"];

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedInOrder(run, EXPECTED) ??
    requirePrintedCount(run, EXPECTED.length) ??
    requirePrintedBy(run, "got: line 2", 0.15) ??
    pass("every line was printed as it arrived, and the end came when the server closed")
  );
}
