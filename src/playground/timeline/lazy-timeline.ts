/**
 * A timeline that loads its drawing code (`TimelineView`) only when it is wanted: when its host
 * comes near the viewport, or a run starts. Calls made before are kept and replayed in order,
 * so a page that is only read downloads no timeline code for timelines it never shows.
 */
import type { TraceEvent } from "../../runtime/asyncio/trace.ts";
import type { TimelineLike } from "../example/timeline-listener.ts";
import { whenNear } from "../runner/when-near.ts";
import type { Recording } from "./recorded-trace.ts";

/** About a screen's worth of scrolling ahead, as the sandbox's prewarm. */
const NEAR = "400px 0px";

type Call = (view: TimelineLike) => void;

export class LazyTimeline implements TimelineLike {
  #view: TimelineLike | null = null;
  #queue: Call[] = [];
  #loading = false;
  readonly #host: HTMLElement;
  readonly #onMarkHover: (printIndex: number | null) => void;

  constructor(host: HTMLElement, onMarkHover: (printIndex: number | null) => void) {
    this.#host = host;
    this.#onMarkHover = onMarkHover;
    whenNear([host], NEAR, () => this.#load());
  }

  #load(): void {
    if (this.#loading) return;
    this.#loading = true;
    void import("./TimelineView.ts").then(
      ({ TimelineView }) => {
        const view = new TimelineView(this.#host, { onMarkHover: this.#onMarkHover });
        for (const call of this.#queue) call(view);
        this.#queue = [];
        this.#view = view;
      },
      () => {
        this.#loading = false; // a failed load is tried again at the next call
      },
    );
  }

  #call(call: Call): void {
    if (this.#view) call(this.#view);
    else {
      this.#queue.push(call);
      this.#load();
    }
  }

  reset(options?: { rate?: number }): void {
    // A new run replaces whatever was drawn or queued before it.
    if (!this.#view) this.#queue = [];
    this.#call((v) => v.reset(options));
  }

  push(events: readonly TraceEvent[]): void {
    this.#call((v) => v.push(events));
  }

  finish(tEnd: number): void {
    this.#call((v) => v.finish(tEnd));
  }

  highlightPrint(printIndex: number | null): void {
    this.#view?.highlightPrint(printIndex);
  }

  showRecorded(recording: Recording): void {
    if (this.#view) this.#view.showRecorded(recording);
    else this.#queue.push((v) => v.showRecorded(recording));
  }
}
