/**
 * Passes when each progress line is printed as the child writes it (every 0.5 s), not all at
 * the end: `communicate()` returns only once the child has exited, at 2 s.
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
  "progress: tick 1",
  "progress: tick 2",
  "progress: tick 3",
  "progress: tick 4",
  "build finished with 0",
];

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedInOrder(run, EXPECTED) ??
    requirePrintedCount(run, EXPECTED.length) ??
    requirePrintedBy(run, "progress: tick 1", 0.5) ??
    requirePrintedBy(run, "progress: tick 3", 1.5) ??
    pass("each line was printed as the child wrote it")
  );
}
