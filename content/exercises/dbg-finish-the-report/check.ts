/**
 * Passes when the report is saved and no task is left to be destroyed pending: no
 * "Task was destroyed but it is pending!" line. Stopping the loop at a guessed 2 s leaves the
 * report (and the heartbeat) pending, and both are reported.
 */
import {
  fail,
  pass,
  requireFinished,
  requirePrinted,
  requirePrintedBy,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

function requireNoneDestroyed(run: RunResult): CheckResult | null {
  const destroyed = run.lines.filter(
    (l) => l.kind === "loop-error" && l.text === "Task was destroyed but it is pending!",
  ).length;
  if (destroyed === 0) return null;
  return fail(`${destroyed} task(s) were destroyed while still pending`);
}

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrinted(run, ["report saved"]) ??
    requirePrintedBy(run, "report saved", 2.5) ??
    requireNoneDestroyed(run) ??
    pass("the report was saved at 2.5 s and no task was left pending")
  );
}
