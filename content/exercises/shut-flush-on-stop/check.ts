/**
 * Passes when the service stops cleanly after the signal at 2.5 s: no error escapes, every event
 * received by then (the eleven of 0.2 s … 2.4 s, and any taken after) is in a flush, the last
 * flush comes after the signal, and "stopped cleanly" is the last line. Ctrl-C with no handler
 * cancels `main` mid-wait: the buffered events are lost and KeyboardInterrupt escapes.
 */
import {
  fail,
  pass,
  printedLines,
  requireFinished,
  requireFinishedBy,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

const RECEIVED_BY_SIGNAL = 11;

export default function check(run: RunResult): CheckResult {
  const failed = requireFinished(run);
  if (failed) return failed;
  const lines = printedLines(run);
  const flushes = lines
    .map((l) => ({ t: l.t, m: /^flushed (\d+) events$/.exec(l.text) }))
    .filter((f) => f.m !== null);
  const flushed = flushes.reduce((sum, f) => sum + Number(f.m![1]), 0);
  if (flushed < RECEIVED_BY_SIGNAL)
    return fail(
      `${flushed} events were flushed; the ${RECEIVED_BY_SIGNAL} received by 2.5 s must all be`,
    );
  const last = flushes.at(-1);
  if (!last || last.t < 2.5) return fail("nothing was flushed after the signal at 2.5 s");
  if (lines.at(-1)?.text !== "stopped cleanly")
    return fail(`the last line is "${lines.at(-1)?.text ?? ""}", not "stopped cleanly"`);
  return (
    requireFinishedBy(run, 3.0) ??
    pass(`every event was flushed (${flushed}), and the service stopped cleanly after the signal`)
  );
}
