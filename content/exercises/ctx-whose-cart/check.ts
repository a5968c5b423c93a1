/**
 * Passes when every "cart loaded" line names the user whose cart it is, at the time that cart's
 * query ends (grace 0.1 s, alan 0.2 s, ada 0.3 s), the three loads still overlap, and `main`,
 * which set no user, still logs as "nobody". A module-level variable shared by the tasks names
 * whoever set it last.
 */
import {
  pass,
  requireFinished,
  requireFinishedBy,
  requirePrinted,
  requirePrintedBy,
  requirePrintedCount,
  requirePrintedInOrder,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

const LOADED = ["grace: cart loaded", "alan: cart loaded", "ada: cart loaded"];

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requirePrinted(run, ["ada: loading cart", "grace: loading cart", "alan: loading cart"]) ??
    requirePrintedCount(run, 3, /: cart loaded$/) ??
    requirePrintedInOrder(run, LOADED) ??
    requirePrintedBy(run, "grace: cart loaded", 0.1) ??
    requirePrintedBy(run, "alan: cart loaded", 0.2) ??
    requirePrinted(run, ["nobody: all carts loaded"]) ??
    requireFinishedBy(run, 0.3) ??
    pass("each task logged under its own user, and main still logs as nobody")
  );
}
