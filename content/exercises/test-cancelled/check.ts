/**
 * Passes when both tests pass: a cancelled download stays cancelled and closes its client, and
 * `wait_for` turns the same cancellation into TimeoutError after 5 s, the client closed too. The
 * starting program swallows the cancellation (so neither error reaches the test) and closes
 * nothing.
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
      "PASSED DownloadTests::test_cancel_propagates_and_closes",
      "PASSED DownloadTests::test_timeout_raises_and_closes",
      /^2 passed in /,
    ]) ??
    requireFinishedBy(run, 6) ??
    pass("both tests pass: the cancellation reaches the caller, and the client is closed")
  );
}
