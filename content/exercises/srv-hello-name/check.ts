/** Passes when /hello/{name} answers 200 with the name from the path, for both names. */
import {
  pass,
  requireFinished,
  requirePrinted,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrinted(run, ["200 Hello!", "200 Hello, Ada!", "200 Hello, Grace!"]) ??
    pass("the route reads the name from the path")
  );
}
