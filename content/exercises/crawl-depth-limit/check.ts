/**
 * Passes when the crawl fetches the start page and the pages it links to (depth 0 and 1:
 * `/`, `/a`, `/b`) and nothing deeper, and the workers stop so the program ends.
 */
import {
  pass,
  requireFinished,
  requireNotPrinted,
  requirePrinted,
  requirePrintedCount,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requireNotPrinted(run, /^fetch \/[c-e]$/) ??
    requirePrinted(run, ["fetch /", "fetch /a", "fetch /b", "crawl done, max depth 1"]) ??
    requirePrintedCount(run, 3, /^fetch /) ??
    pass("depth 0 and depth 1 fetched, nothing below")
  );
}
