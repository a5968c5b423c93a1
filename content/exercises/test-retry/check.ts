/**
 * Passes when all three tests pass: the retry still succeeds on the third try, and when every try
 * fails it raises the last error after exactly two waits of 1 s (4 s of loop time for the whole
 * run). The starting program returns None after the last failure, and waits once more first.
 */
import {
  pass,
  requireFinished,
  requireFinishedBy,
  requireNotPrinted,
  requirePrinted,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requireNotPrinted(run, /^FAILED /) ??
    requirePrinted(run, [
      "PASSED test_first_try",
      "PASSED test_third_try",
      "raised: down",
      "PASSED test_gives_up_with_the_last_error",
      /^3 passed in /,
    ]) ??
    requireFinishedBy(run, 4) ??
    pass("all three tests pass: the last error is raised after two waits, at 4 s")
  );
}
