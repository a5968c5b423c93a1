/**
 * Passes when the program gives up on the hanging child at 3 s, kills it and reaps it (so its
 * return code, -9, is known) and ends there: `communicate()` alone waits the full 10 s.
 */
import {
  pass,
  requireFinished,
  requireFinishedBy,
  requireNotPrinted,
  requirePrintedBy,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requireNotPrinted(run, /^got \d+ lines/) ??
    requireNotPrinted(run, "gave up; returncode None") ??
    requirePrintedBy(run, "gave up; returncode -9", 3) ??
    requireFinishedBy(run, 3) ??
    pass("gave up at 3 s, killed the child and reaped it")
  );
}
