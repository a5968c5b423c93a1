/**
 * Passes when the service is tried exactly three times, 0.5 s and then 1 s apart (counted from
 * the failure before), the program then prints that it gave up with the error's message, and
 * no exception escapes: attempts at 0, 0.6 and 1.7 s, done at 1.8 s.
 */
import {
  fail,
  pass,
  printTime,
  requireFinished,
  requireFinishedBy,
  requirePrinted,
  requirePrintedCount,
  timeSlack,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

function requireAttemptAt(run: RunResult, n: number, at: number): CheckResult | null {
  const t = printTime(run, `attempt ${n}`);
  if (t === null) return fail(`nothing printed “attempt ${n}”`);
  if (Math.abs(t - at) <= timeSlack(run)) return null;
  return fail(
    `attempt ${n} started at ${t.toFixed(3)} s; with the backoff it should start at ${at} s`,
  );
}

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedCount(run, 3, /^attempt \d+$/) ??
    requireAttemptAt(run, 2, 0.6) ??
    requireAttemptAt(run, 3, 1.7) ??
    requirePrinted(run, ["gave up after 3 tries: service unavailable"]) ??
    requireFinishedBy(run, 1.8) ??
    pass("three tries with 0.5 s and 1 s of backoff, then a clear message instead of a crash")
  );
}
