/**
 * The lanes a timeline draws, as the reader reads them top to bottom: for a live run's trace,
 * and for CPython's recorded run (its transcript and `python.trace`).
 */
import {
  type RecordedTrace,
  recordedRun,
} from "../../../../src/playground/timeline/recorded-trace.ts";
import { TimelineModel } from "../../../../src/playground/timeline/timeline-model.ts";
import type { TraceEvent } from "../../../../src/runtime/asyncio/trace.ts";
import { parseTranscript } from "../../../../src/runtime/asyncio/transcript.ts";

/** The lane labels a run's trace draws, in order (the loop lane last). */
export function laneLabels(events: readonly TraceEvent[], tEnd?: number): string[] {
  const m = new TimelineModel();
  m.apply(events);
  m.finish(tEnd ?? events.reduce((t, e) => Math.max(t, e.t), 0));
  return m.allLanes().map((l) => l.label);
}

/** The lane labels the pre-run timeline draws from a recording. */
export function recordedLaneLabels(out: string, trace: RecordedTrace): string[] {
  const run = recordedRun(trace, parseTranscript(out));
  return laneLabels(run.events, run.tEnd);
}
