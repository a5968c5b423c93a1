/**
 * Passes when all 320 KiB reach the server and the client's buffer never held more than 64 KiB
 * (its high-water mark) after a write: without `drain()` the loop buffers everything at once.
 */
import {
  fail,
  pass,
  printedTexts,
  requireFinished,
  requirePrinted,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

const PEAK = /^client: peak buffer (\d+) KiB$/;

export default function check(run: RunResult): CheckResult {
  const missing = requireFinished(run) ?? requirePrinted(run, ["server: received 320 KiB", PEAK]);
  if (missing) return missing;
  const line = printedTexts(run).find((t) => PEAK.test(t)) as string;
  const peak = Number((PEAK.exec(line) as RegExpExecArray)[1]);
  if (peak > 64) return fail(`the buffer reached ${peak} KiB; keep it at 64 KiB or less`);
  return pass(`all 320 KiB arrived, and the buffer never held more than ${peak} KiB`);
}
