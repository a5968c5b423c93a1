/**
 * Passes when each job runs under its own user and every line after a job, including the one
 * after the job that failed, is logged as "system" again. A `set` that is never undone leaves the
 * last job's user in `main`'s context.
 */
import {
  pass,
  requireFinished,
  requirePrintedCount,
  requirePrintedInOrder,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

const EXPECTED = [
  "ada: starting backup",
  "ada: backed up 3 tables",
  "system: nightly check",
  "grace: starting purge",
  "system: refused: purge needs an admin",
  "system: done",
];

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedInOrder(run, EXPECTED) ??
    requirePrintedCount(run, EXPECTED.length) ??
    pass("each job ran as its user, and main was back to system after each one, failed or not")
  );
}
