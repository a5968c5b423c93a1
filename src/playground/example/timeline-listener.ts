/**
 * The timeline as a listener of runs: the view draws, this tells it what the run did. Until
 * the first run the view shows what CPython recorded.
 */
import type { TraceEvent } from "../../runtime/asyncio/trace.ts";
import type { Recording } from "../timeline/recorded-trace.ts";
import type { RunBatch, RunListener, RunOutcome, RunStart } from "./run-listener.ts";

/** What the widget needs from a timeline view (`TimelineView`); tests may observe. */
export interface TimelineLike {
  /** `rate`: loop seconds per wall second (1 at 1×, 10 at 10×, 0 for Instant). */
  reset(options?: { rate?: number }): void;
  push(events: readonly TraceEvent[]): void;
  finish(tEnd: number): void;
  highlightPrint(printIndex: number | null): void;
  /** Shows CPython's recorded run (before any run, and again when the reader picks a version). */
  showRecorded(recording: Recording): void;
}

export class TimelineListener implements RunListener {
  readonly #view: TimelineLike;

  constructor(view: TimelineLike) {
    this.#view = view;
  }

  reset(start: RunStart): void {
    this.#view.reset({ rate: start.rate });
  }

  events(batch: RunBatch): void {
    this.#view.push(batch.events);
  }

  finish(run: RunOutcome): void {
    if (run.compiled) this.#view.finish(run.t);
  }
}
