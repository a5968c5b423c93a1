/**
 * Passes when the cancelled build stops all of itself at 1.2 s: the shell (-15) and the ticker
 * it started, so no tick comes after; the program still runs on and prints `done` at 4.2 s.
 * `terminate()` alone stops the shell and leaves the ticker printing `tick 3` to `tick 6`.
 */
import {
  pass,
  requireFinished,
  requireNotPrinted,
  requirePrintedBy,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedBy(run, "tick 2", 1) ??
    requirePrintedBy(run, "cancelled: the shell exited with -15", 1.2) ??
    requireNotPrinted(run, "tick 3") ??
    requireNotPrinted(run, "built") ??
    requirePrintedBy(run, "done", 4.2) ??
    pass("the shell and its ticker both stopped at 1.2 s")
  );
}
