/**
 * Passes when a progress line comes every 0.5 s while the 16 requests run (five of them, the
 * first at 0.5 s), the count in them grows, and `done 16` comes last.
 */
import {
  fail,
  pass,
  printedLines,
  requireFinished,
  requireFinishedBy,
  requirePrinted,
  requirePrintedCount,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

function everyHalfSecond(run: RunResult): CheckResult | null {
  const lines = printedLines(run).filter((l) => l.text.startsWith("progress: "));
  for (const [i, line] of lines.entries()) {
    const due = 0.5 * (i + 1);
    if (Math.abs(line.t - due) > 0.05)
      return fail(`progress line ${i + 1} came at ${line.t.toFixed(3)}s; expected ${due}s`);
  }
  const counts = lines.map((l) => Number(/(\d+)/.exec(l.text)?.[1] ?? Number.NaN));
  if (counts.some((n, i) => Number.isNaN(n) || (i > 0 && n <= counts[i - 1]!)))
    return fail("the progress counts should grow from one line to the next");
  const last = printedLines(run).at(-1);
  if (last?.text !== "done 16") return fail("`done 16` should be the last line");
  return null;
}

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requireFinishedBy(run, 2.8) ??
    requirePrinted(run, ["done 16"]) ??
    requirePrintedCount(run, 5, /^progress: \d+ done$/) ??
    everyHalfSecond(run) ??
    pass("a progress line every 0.5 s while the requests ran, and the reporter stopped")
  );
}
