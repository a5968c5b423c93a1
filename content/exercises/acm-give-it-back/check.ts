/**
 * Passes when every job gives its connection back, the failing one too, before main hears of
 * the failure; the pool ends with both connections free and the error still reaches main.
 */
import {
  fail,
  pass,
  printedTexts,
  requireFinished,
  requirePrinted,
  requirePrintedInOrder,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

function requireFailedJobReleased(run: RunResult): CheckResult | null {
  if (printedTexts(run).some((t) => t.startsWith("b: gave it back"))) return null;
  return fail("job b failed and never gave its connection back, so the pool lost one");
}

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrinted(run, ["main: b hit a bad row"]) ??
    requireFailedJobReleased(run) ??
    requirePrintedInOrder(run, [/^b: gave it back/, "main: b hit a bad row"]) ??
    requirePrintedInOrder(run, [
      /^a: gave it back/,
      /^b: gave it back/,
      /^c: gave it back/,
      "free at the end: 2",
    ]) ??
    pass("the failing job gave its connection back too, and the error still reached main")
  );
}
