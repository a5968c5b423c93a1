/**
 * Passes when all 40 rows are saved, still in one transaction, in about one round trip:
 * BEGIN, one executemany, COMMIT (0.15 s) instead of 40 inserts one after another (2.1 s).
 */
import {
  pass,
  requireFinished,
  requireFinishedBy,
  requirePrinted,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrinted(run, ["40 rows"]) ??
    requireFinishedBy(run, 0.35) ??
    pass("40 rows in one round trip: the batch took 0.15 s, not 2.1 s")
  );
}
