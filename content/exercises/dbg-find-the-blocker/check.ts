/**
 * Passes when debug mode reports no step that held the loop, and the heartbeat keeps its beat:
 * beat 5 by 1.25 s. The blocking back-off makes debug mode report the prices task twice and
 * stretches the beats to 1.95 s.
 */
import {
  pass,
  requireFinished,
  requireFinishedBy,
  requireNotPrinted,
  requirePrinted,
  requirePrintedBy,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  return (
    requireFinished(run) ??
    requireNotPrinted(run, /^WARNING:asyncio:Executing/) ??
    requirePrinted(run, ["prices: 3 tries", "news: 1 try"]) ??
    requirePrintedBy(run, "beat 5", 1.25) ??
    requireFinishedBy(run, 1.5) ??
    pass("no step held the loop: the heartbeat kept its beat, and the prices came at 1.3 s")
  );
}
