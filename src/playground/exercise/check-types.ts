/**
 * The contract between an exercise's `check.ts` and the page.
 *
 * Every exercise folder (`content/exercises/<id>/`) has a `check.ts` whose default export is a
 * pure function from the reader's finished run to a verdict. The page calls it after every run
 * of that exercise (see `src/playground/exercise/`); the unit tests call it on the starting program
 * (which must fail) and on `solution.ts` (which must pass), both on the virtual clock.
 *
 * A check reads only its argument: no DOM, no clock, no globals. It must hold at every speed,
 * so compare times with the tolerance `check-helpers.ts` applies (real clocks are late by a few
 * milliseconds), not with `===`.
 *
 * @example
 * // content/exercises/sample-gather/check.ts
 * import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";
 * import {
 *   pass,
 *   requireFinished,
 *   requireFinishedBy,
 *   requirePrintedCount,
 * } from "../../../src/playground/exercise/check-helpers.ts";
 *
 * export default function check(run: RunResult): CheckResult {
 *   return (
 *     requireFinished(run) ??
 *     requirePrintedCount(run, 3) ??
 *     requireFinishedBy(run, 1.0) ??
 *     pass("three lines printed, and the run was over by 1.0 s")
 *   );
 * }
 */
import type { RunResult } from "../example/run-listener.ts";

export type { TraceEvent } from "../../runtime/asyncio/trace.ts";
export type { ParsedLine } from "../../runtime/asyncio/transcript.ts";
export type { RunResult };

/**
 * What a check says about one run. `reason` is one plain sentence for the reader, shown after
 * "Check passed: " or "Check failed: ", so start it lower-case and say what was seen
 * ("printed 4 results, expected 5"), not only what was wanted.
 */
export interface CheckResult {
  pass: boolean;
  reason: string;
}

/** The default export of every `content/exercises/<id>/check.ts`. */
export type Check = (run: RunResult) => CheckResult;

/** What `import()` of a `check.ts` module gives. */
export interface CheckModule {
  default: Check;
}
