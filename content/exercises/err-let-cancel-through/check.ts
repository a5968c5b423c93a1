/**
 * Passes when the worker still gets past job 2's ValueError, but ends cancelled when main
 * cancels it at 1.2 s: no job after that, "worker stopped" printed, done by 1.2 s.
 */
import {
  pass,
  requireFinished,
  requireFinishedBy,
  requireNotPrinted,
  requirePrinted,
  requireTaskOutcome,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrinted(run, ["job 1 done", "job 2 failed: ValueError, going on"]) ??
    requireNotPrinted(run, /^job 3/) ??
    requireTaskOutcome(run, "worker", "cancelled") ??
    requirePrinted(run, ["worker stopped"]) ??
    requireFinishedBy(run, 1.2) ??
    pass("job 2's error was survived, and the cancellation stopped the worker at 1.2 s")
  );
}
