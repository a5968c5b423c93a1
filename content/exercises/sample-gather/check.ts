/**
 * Passes when the five summaries are printed in the list's order and the run is over by 1.0 s,
 * which only happens if the five waits overlap.
 */
import {
  pass,
  requireAtLeastWaiting,
  requireFinished,
  requireFinishedBy,
  requirePrintedCount,
  requirePrintedInOrder,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

const summaries = [
  "a.csv downloaded in 0.2s",
  "b.csv downloaded in 1.0s",
  "c.csv downloaded in 0.4s",
  "d.csv downloaded in 0.8s",
  "e.csv downloaded in 0.6s",
];

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedCount(run, 5) ??
    requirePrintedInOrder(run, summaries) ??
    requireFinishedBy(run, 1.0) ??
    requireAtLeastWaiting(run, "sleep", 5, "sleeping") ??
    pass("all five files printed in order, and the downloads overlapped: done by 1.0 s")
  );
}
