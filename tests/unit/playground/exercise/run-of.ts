/**
 * Builds `RunResult`s for the check-helper tests: from hand-written trace events, or from a
 * real program run on the runtime's virtual clock.
 */

import type { RunResult } from "../../../../src/playground/exercise/check-types.ts";
import * as asyncio from "../../../../src/runtime/asyncio/index.ts";
import type { TraceEvent } from "../../../../src/runtime/asyncio/trace.ts";
import { parsedLinesOf } from "../../../../src/runtime/asyncio/transcript.ts";

/** A run that ended with `status` at loop time `t`, whose trace is `events`. */
export function runOf(
  events: TraceEvent[],
  t: number,
  status: RunResult["status"] = "finished",
): RunResult {
  return {
    status,
    t,
    events,
    lines: events.flatMap(parsedLinesOf),
    speed: "instant",
    compiled: true,
  };
}

/** Runs `main` with `asyncio.run` on the virtual clock and returns what the page would get. */
export async function runOnVirtualClock(main: () => Promise<unknown>): Promise<RunResult> {
  const events: TraceEvent[] = [];
  asyncio.resetRuntime();
  asyncio.configure({ clock: "virtual", trace: (e) => events.push(e) });
  let status: RunResult["status"] = "finished";
  try {
    await asyncio.run(main);
  } catch {
    status = "failed";
  }
  const last = events[events.length - 1];
  const t = Math.max(0, ...events.map((e) => e.t));
  asyncio.resetRuntime();
  return runOf(events, last ? t : 0, status);
}
