/**
 * Passes when the program prints the nearest-rank p90 of the server's own times (0.440 s: the
 * 9th smallest of ten), still running two requests at a time.
 */
import {
  fail,
  pass,
  printedTexts,
  requireAtLeastWaiting,
  requireAtMostWaiting,
  requireFinished,
  requirePrinted,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  const printed = printedTexts(run).find((t) => t.startsWith("p90 "));
  const wrong =
    printed === "p90 0.900s"
      ? fail("0.900 s is the largest of the ten times: the index is one too far")
      : printed !== undefined && printed !== "p90 0.440s"
        ? fail(`printed “${printed}”: is the time spent waiting for a slot counted in it?`)
        : null;
  return (
    requireFinished(run) ??
    wrong ??
    requirePrinted(run, ["p90 0.440s"]) ??
    requireAtMostWaiting(run, "sleep", 2, "making a request") ??
    requireAtLeastWaiting(run, "sleep", 2, "making a request") ??
    pass("p90 0.440 s: nine of the ten server times are at most that")
  );
}
