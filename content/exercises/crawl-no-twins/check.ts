/**
 * Passes when each of the six pages is fetched exactly once, the crawl still runs links in
 * parallel (done by 1.0 s: one round trip for each of the five levels of the site), and `6 pages` is printed.
 */
import {
  fail,
  pass,
  printedTexts,
  requireFinished,
  requireFinishedBy,
  requirePrinted,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

function eachOnce(run: RunResult): CheckResult | null {
  const fetches = printedTexts(run).filter((t) => t.startsWith("fetch "));
  const twin = fetches.find((t, i) => fetches.indexOf(t) !== i);
  if (twin !== undefined) return fail(`“${twin}” was printed twice: that page was fetched twice`);
  if (fetches.length !== 6) return fail(`${fetches.length} pages were fetched; the site has 6`);
  return null;
}

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    eachOnce(run) ??
    requirePrinted(run, ["6 pages"]) ??
    requireFinishedBy(run, 1.0) ??
    pass("six pages, each fetched once, the links of a page fetched together")
  );
}
