/**
 * Compare as a listener of runs: it keeps the last TypeScript run and the last Python run that
 * ran to their end (a stopped run is no model of what its program prints, so the one before it
 * stays), and once it has both, after each of them, shows their comparison
 * (`compare-view.ts`, loaded only then: a reader who never presses Run Python loads none of it).
 */
import type { RunListener, RunOutcome } from "../example/run-listener.ts";
import type { ComparedRun } from "./compare-lines.ts";
import type { TimelineFactory } from "./compare-view.ts";

/** A run Compare can set beside another: it ran, and to its end (an exception is an end). */
function comparable(run: RunOutcome): boolean {
  return run.compiled && (run.status === "finished" || run.status === "failed");
}

export class CompareListener implements RunListener {
  readonly #host: () => HTMLElement;
  readonly #timeline: TimelineFactory;
  #typescript: ComparedRun | null = null;
  #python: ComparedRun | null = null;
  /** Counts shows, so a slow load of the view never draws an older pair over a newer one. */
  #shown = 0;

  /** `host`: where the comparison goes, made when first shown (most readers never compare). */
  constructor(host: () => HTMLElement, timeline: TimelineFactory) {
    this.#host = host;
    this.#timeline = timeline;
  }

  reset(): void {}
  events(): void {}

  finish(run: RunOutcome): void {
    if (!comparable(run)) return;
    const kept: ComparedRun = { lines: run.lines, events: run.events, speed: run.speed, t: run.t };
    if (run.language === "python") this.#python = kept;
    else this.#typescript = kept;
    const typescript = this.#typescript;
    const python = this.#python;
    if (!typescript || !python) return;
    const shown = ++this.#shown;
    void import("./compare-view.ts").then((view) => {
      if (shown === this.#shown)
        view.showComparison(this.#host(), typescript, python, this.#timeline);
    });
  }
}
