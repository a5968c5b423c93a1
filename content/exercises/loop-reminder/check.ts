/**
 * Passes when the work starts at once and the reminder still comes at 1.25 s, printed by a loop
 * callback (no task), as `loop.callLater` does; the run must be over by 2.0 s.
 */
import {
  fail,
  pass,
  printedLines,
  requireFinished,
  requireFinishedBy,
  requirePrintedCount,
  requirePrintedInOrder,
  timeSlack,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

const REMINDER = "reminder: stand up and stretch";

function requireReminder(run: RunResult): CheckResult | null {
  const line = printedLines(run).find((l) => l.text === REMINDER);
  if (!line) return fail(`nothing printed “${REMINDER}”`);
  if (Math.abs(line.t - 1.25) > timeSlack(run))
    return fail(`the reminder came at ${Number(line.t.toFixed(3))} s; it should come at 1.25 s`);
  if (line.task !== null)
    return fail(`${line.task} printed the reminder; a loop callback should, outside any task`);
  return null;
}

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedCount(run, 5) ??
    requirePrintedInOrder(run, [
      "work: step 1 of 4",
      "work: step 2 of 4",
      "work: step 3 of 4",
      "work: step 4 of 4",
    ]) ??
    requireFinishedBy(run, 2.0) ??
    requireReminder(run) ??
    pass("the work ran from the start, and a callback printed the reminder at 1.25 s")
  );
}
