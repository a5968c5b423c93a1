/**
 * Passes when the four pages are printed in order, each as soon as it is fetched: page 1 by
 * 0.5 s, page 2 by 1.0 s, page 3 by 1.5 s; the run still takes 2.0 s in all (the pages are
 * fetched one after another, as a generator does).
 */
import {
  pass,
  requireFinished,
  requireFinishedBy,
  requirePrintedBy,
  requirePrintedCount,
  requirePrintedInOrder,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

const pages = [
  "page 1: 10 results",
  "page 2: 20 results",
  "page 3: 30 results",
  "page 4: 40 results",
];

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrintedCount(run, 4) ??
    requirePrintedInOrder(run, pages) ??
    requirePrintedBy(run, pages[0]!, 0.5) ??
    requirePrintedBy(run, pages[1]!, 1.0) ??
    requirePrintedBy(run, pages[2]!, 1.5) ??
    requireFinishedBy(run, 2.0) ??
    pass("each page was printed as soon as it arrived: the first at 0.5 s, not after all four")
  );
}
