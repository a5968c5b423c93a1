/** Passes when the request is abandoned with a timeout and the run ends by 1.2 s. */
import {
  pass,
  requireFinished,
  requireFinishedBy,
  requireNotPrinted,
  requirePrinted,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requireNotPrinted(run, /^report:/) ??
    requirePrinted(run, ["gave up"]) ??
    requireFinishedBy(run, 1.2) ??
    pass("gave up after one second")
  );
}
