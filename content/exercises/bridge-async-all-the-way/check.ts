/**
 * Passes when both requests are answered, together, with no error: the coroutine awaits the
 * lookup instead of calling a wrapper that starts a second event loop. Calling asyncio.run from
 * inside a task raises RuntimeError, and the TaskGroup fails.
 */
import {
  pass,
  requireFinished,
  requireFinishedBy,
  requirePrinted,
  requirePrintedCount,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrinted(run, ["request for user 7", "request for user 8"]) ??
    requirePrintedCount(run, 2, "hello, Ada") ??
    requireFinishedBy(run, 0.2) ??
    pass("the handlers await the lookup: both answered together, at 0.2 s")
  );
}
