/**
 * Passes when the shutdown drains with a 1 s deadline: the three requests that finish within it
 * (a, c, b) are answered, the one that needs 2 s is cut off when the deadline passes (1.1 s, the
 * signal came at 0.1 s), and "bye" comes then, not later. Cancelling everything at the signal
 * cuts off all four.
 */
import {
  fail,
  pass,
  printTime,
  requireFinished,
  requireFinishedBy,
  requireNotPrinted,
  requirePrinted,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  const cutOff = printTime(run, "d: cut off");
  return (
    requireFinished(run) ??
    requireNotPrinted(run, /^[abc]: cut off$/) ??
    requirePrinted(run, ["a: answered", "c: answered", "b: answered", "d: cut off", "bye"]) ??
    (cutOff !== null && cutOff < 1.05
      ? fail(`d was cut off at ${cutOff.toFixed(2)} s, before its 1 s of grace had passed`)
      : null) ??
    requireFinishedBy(run, 1.1) ??
    pass("a, c and b finished within the deadline, d was cut off when it passed, at 1.1 s")
  );
}
