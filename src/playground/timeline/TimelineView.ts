/**
 * The live task timeline: one lane per task, time left to right, drawn from the trace as the
 * program runs. Events are queued by `push` and applied in the next animation frame within a
 * time budget, and the drawing is updated at most once per frame, redrawing only the lanes
 * that changed. Past `laneLimit` lanes it shows a "concurrency over time" band instead, with
 * the lanes (virtualised) on demand. Import `./timeline.css` once on the page.
 *
 * @example
 * const view = new TimelineView(host, { onMarkHover: (i) => highlightOutputLine(i) });
 * view.reset({ rate: 1 });
 * view.push(events);          // as batches arrive
 * view.finish(tEnd);          // when the run ends
 * view.highlightPrint(3);     // from an output line's hover/focus
 */
import type { TraceEvent } from "../../runtime/asyncio/trace.ts";
import { parseTranscript } from "../../runtime/asyncio/transcript.ts";
import type { Speed } from "../../sandbox/protocol.ts";
import { finishedSpan, liveSpan, ticksIn } from "./axis.ts";
import type { XScale } from "./lane-draw.ts";
import { LaneLayer } from "./lane-layer.ts";
import { AXIS_H, count, layout, timelineName } from "./layout.ts";
import { type Recording, recordedRun } from "./recorded-trace.ts";
import { drawBand } from "./summary-band.ts";
import { px } from "./svg.ts";
import { fitWindow, panWindow, type TimeWindow, zoomWindow } from "./time-window.ts";
import { hostStallFloor, TimelineModel } from "./timeline-model.ts";
import { recordedTitle, tl } from "./timeline-strings.ts";
import { TimelineTable } from "./timeline-table.ts";
import { buildDom, type ViewDom } from "./view-dom.ts";
import { drawAxis, hitItem, showTip } from "./view-parts.ts";
import { wireZoom, type Zoomable } from "./zoom-input.ts";

export interface TimelineOptions {
  /** The reader hovered or focused a print mark (or its table row): its print index; null on leave. */
  onMarkHover?: (printIndex: number | null) => void;
  /** Above this many lanes, show the summary band and keep the lanes on demand. Default 200. */
  laneLimit?: number;
}

export interface ResetOptions {
  /** The run's speed; sets `rate` (1×: 1, 10×: 10, instant: 0). */
  speed?: Speed;
  /** Loop seconds per wall-clock second: moves the "now" cursor between events (0: only with events). */
  rate?: number;
}

const RATES: Record<Speed, number> = { "1x": 1, "10x": 10, instant: 0 };

type State = "idle" | "running" | "finished" | "recorded";
/** Time a frame may spend applying queued events; the rest waits for the next frame. */
const BUDGET_MS = 6;
/** Events applied between two looks at the clock. */
const CHUNK = 512;

export class TimelineView implements Zoomable {
  readonly #dom: ViewDom;
  readonly #table: TimelineTable;
  readonly #lanes: LaneLayer;
  readonly #onMarkHover: (i: number | null) => void;
  readonly #laneLimit: number;
  readonly #resize: ResizeObserver | null;
  #model = new TimelineModel();
  #queue: (readonly TraceEvent[])[] = [];
  #queuePos = 0;
  #pendingFinish: number | null = null;
  #state: State = "idle";
  #rate = 0;
  #anchorT = 0;
  #anchorWall: number | null = null;
  #now = 0;
  #raf = 0;
  #drawn = { scale: "", height: -1, band: "", label: "", status: "", cursor: false };
  #showAll = false;
  #showTable = false;
  #highlight: number | null = null;
  #x: XScale | null = null;
  #hoveredPrint: number | null = null;
  #destroyed = false;
  /** A costly lane is waiting for its (throttled) redraw. */
  #lanesPending = false;
  #bandAt = 0;
  /** The window the reader zoomed or panned to; null: fit to the activity (live: all so far). */
  #window: TimeWindow | null = null;
  /** The window drawn last: zoom and pan start from what the reader sees. */
  #shown: TimeWindow = { start: 0, end: 1 };
  /** The recorded run's title, shown while the view draws it. */
  #title = "";

  constructor(host: HTMLElement, options: TimelineOptions = {}) {
    this.#onMarkHover = options.onMarkHover ?? (() => {});
    this.#laneLimit = options.laneLimit ?? 200;
    this.#dom = buildDom();
    this.#lanes = new LaneLayer(this.#dom.lanes, this.#dom.labels);
    this.#table = new TimelineTable((i) => this.#hoverFromTimeline(i));
    this.#dom.root.append(this.#table.element);
    host.append(this.#dom.root);
    const d = this.#dom;
    d.tableButton.addEventListener("click", () => {
      this.#showTable = !this.#showTable;
      d.tableButton.textContent = tl(this.#showTable ? "show-timeline" : "show-table");
      d.scroller.hidden = this.#showTable;
      d.zoom.hidden = this.#showTable;
      this.#table.element.hidden = !this.#showTable;
      this.#schedule();
    });
    d.lanesButton.addEventListener("click", () => {
      this.#showAll = !this.#showAll;
      d.lanesButton.setAttribute("aria-pressed", String(this.#showAll));
      this.#schedule();
    });
    d.scroller.addEventListener("scroll", () => this.#schedule(), { passive: true });
    wireZoom(d, this, (clientX) => this.#timeAt(clientX));
    d.plot.addEventListener("pointermove", (e) => this.#pointer(e));
    d.plot.addEventListener("pointerleave", () => this.#pointer(null));
    this.#resize =
      typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => this.#schedule());
    this.#resize?.observe(d.root);
    this.#schedule();
  }

  /** Clears the view for a new run. */
  reset(options: ResetOptions = {}): void {
    this.#model = new TimelineModel();
    this.#queue = [];
    this.#queuePos = 0;
    this.#pendingFinish = null;
    this.#state = "idle";
    this.#rate = options.rate ?? (options.speed ? RATES[options.speed] : 0);
    this.#model.minStep = hostStallFloor(this.#rate);
    this.#anchorWall = null;
    this.#now = 0;
    this.#lanes.clear();
    this.#dom.labels.replaceChildren(this.#dom.bandLabel);
    this.#dom.band.replaceChildren();
    this.#drawn = { scale: "", height: -1, band: "", label: "", status: "", cursor: false };
    this.#x = null;
    this.#window = null;
    this.#highlight = null;
    this.#table.reset();
    this.#schedule();
  }

  /** Queues a batch of trace events (in order); they are drawn in the next frame. */
  push(events: readonly TraceEvent[]): void {
    if (events.length === 0) return;
    if (this.#state === "idle") this.#state = "running";
    this.#queue.push(events);
    const t = events[events.length - 1]!.t;
    // The page checks the sandbox's messages, but a NaN here would stall the axis: keep the old anchor.
    if (Number.isFinite(t)) this.#anchorT = Math.max(this.#anchorT, t);
    this.#anchorWall = performance.now();
    this.#schedule();
  }

  /** The run ended at loop time `tEnd`: fit the axis to the whole run. */
  finish(tEnd: number): void {
    this.#pendingFinish = Number.isFinite(tEnd) ? tEnd : this.#model.tMax;
    this.#schedule();
  }

  /**
   * Shows CPython's recorded run, replacing the view: drawn from its task events as a live run
   * is (every task, in creation order), or from its transcript alone when it has none (lanes
   * from the task names that printed, no waits).
   */
  showRecorded(recording: Recording): void {
    this.reset();
    const lines = parseTranscript(recording.out);
    if (recording.trace) {
      const run = recordedRun(recording.trace, lines);
      this.#model.apply(run.events);
      this.#model.finish(run.tEnd);
    } else {
      this.#model.applyTranscript(lines);
      this.#model.finish(this.#model.tMax);
    }
    this.#title = recordedTitle(recording.version);
    this.#dom.title.textContent = this.#title;
    this.#state = "recorded";
    this.#schedule();
  }

  /** Highlights the n-th print's mark (from an output line's hover or focus); null clears it. */
  highlightPrint(printIndex: number | null): void {
    if (printIndex === this.#highlight) return;
    const old = this.#highlight;
    this.#highlight = printIndex;
    const q = (i: number) => this.#dom.lanes.querySelector(`[data-print-index="${i}"]`);
    if (old !== null) q(old)?.classList.remove("is-hl");
    if (printIndex !== null) q(printIndex)?.classList.add("is-hl");
    this.#table.highlight(printIndex);
    this.#drawHighlight();
  }

  /**
   * Zooms the time axis by `factor` (< 1 zooms in) around `anchor` (a time; default the middle
   * of what is shown).
   */
  zoom(factor: number, anchor?: number): void {
    const w = this.#shown;
    this.#show(zoomWindow(w, factor, anchor ?? (w.start + w.end) / 2, this.#bounds()));
  }

  /** Moves the time axis by `fraction` of the shown width (negative: earlier). */
  pan(fraction: number): void {
    this.#show(panWindow(this.#shown, fraction, this.#bounds()));
  }

  /** The reader's window, taken as shown at once: keys pressed within one frame add up. */
  #show(w: TimeWindow): void {
    this.#window = w;
    this.#shown = w;
    this.#schedule();
  }

  /** Fits the time axis to the activity again (the default). */
  fit(): void {
    this.#window = null;
    this.#schedule();
  }

  /** Applies everything queued and draws now, without waiting for a frame (tests, benchmarks). */
  flush(): void {
    this.#drain(Number.POSITIVE_INFINITY);
    this.#render();
  }

  destroy(): void {
    this.#destroyed = true;
    if (this.#raf) cancelAnimationFrame(this.#raf);
    this.#raf = 0;
    this.#resize?.disconnect();
    this.#dom.root.remove();
  }

  #schedule(): void {
    if (!this.#raf && !this.#destroyed) this.#raf = requestAnimationFrame(this.#frame);
  }

  #frame = (): void => {
    this.#raf = 0;
    this.#drain(performance.now() + BUDGET_MS);
    this.#render();
    const live = this.#state === "running" && this.#rate > 0 && this.#anchorWall !== null;
    if (this.#queue.length > 0 || live || this.#lanesPending) this.#schedule();
  };

  #drain(deadline: number): void {
    while (this.#queue.length > 0) {
      const batch = this.#queue[0]!;
      const end = Math.min(batch.length, this.#queuePos + CHUNK);
      this.#model.apply(batch, this.#queuePos, end);
      this.#queuePos = end;
      if (end === batch.length) {
        this.#queue.shift();
        this.#queuePos = 0;
      }
      if (performance.now() > deadline) return;
    }
    if (this.#pendingFinish !== null) {
      this.#model.finish(this.#pendingFinish);
      this.#pendingFinish = null;
      this.#state = "finished";
    }
  }

  #nowTime(): number {
    const m = this.#model;
    if (this.#state !== "running") return m.tEnd ?? m.tMax;
    let t = Math.max(this.#now, m.tMax);
    if (this.#rate > 0 && this.#anchorWall !== null) {
      t = Math.max(t, this.#anchorT + ((performance.now() - this.#anchorWall) / 1000) * this.#rate);
    }
    this.#now = t;
    return t;
  }

  /** The time under a pointer at `clientX`: the inverse of the scale drawn last. */
  #timeAt(clientX: number): number | null {
    const x = this.#x;
    if (!x) return null;
    const w = this.#shown;
    const x0 = x(w.start);
    const perSecond = (x(w.end) - x0) / (w.end - w.start);
    return w.start + (clientX - this.#dom.plot.getBoundingClientRect().left - x0) / perSecond;
  }

  /** The times a window may show: the run from 0 (so far, in nice steps, while it runs). */
  #bounds(): TimeWindow {
    const now = this.#nowTime();
    return { start: 0, end: this.#state === "running" ? liveSpan(now) : finishedSpan(now) };
  }

  /** What the plot shows: the reader's window, else the activity (a live run: all so far). */
  #windowFor(now: number, running: boolean): TimeWindow | null {
    const bounds = this.#bounds();
    if (this.#window) return zoomWindow(this.#window, 1, this.#window.start, bounds);
    if (running) return null;
    // A recording knows only when lines were printed, not that the run began at 0: start there.
    const first = this.#state === "recorded" ? 0 : this.#model.tFirst;
    return fitWindow(first, now, bounds);
  }

  #render(): void {
    const d = this.#dom;
    const m = this.#model;
    const lanes = m.allLanes();
    const now = this.#nowTime();
    const running = this.#state === "running";
    const recorded = this.#state === "recorded";
    const L = layout({
      width: d.root.clientWidth || 640,
      now,
      running,
      lanes: lanes.length,
      laneLimit: this.#laneLimit,
      source: m.source,
      showAll: this.#showAll,
      scrollTop: d.scroller.scrollTop,
      viewHeight: d.scroller.clientHeight,
      window: this.#windowFor(now, running),
    });
    this.#shown = L.view;
    const { x, plotW, height, mode } = L;
    const summary = mode === "summary";
    // Each frame writes only what changed: a write, even of the same value, costs style work.
    const status = `${mode}|${this.#state}|${lanes.length}`;
    if (status !== this.#drawn.status) {
      d.root.dataset.timelineMode = mode;
      d.root.dataset.timelineState = this.#state;
      d.title.hidden = !recorded;
      d.lanesButton.hidden = !summary;
      d.lanesButton.textContent = `Show all lanes (${count(lanes.length)})`;
      d.bandLabel.hidden = !summary;
      d.bandSvg.style.display = summary ? "" : "none";
      d.future.style.display = running ? "" : "none";
      this.#drawn.status = status;
    }

    const scale = L.scaleKey;
    const scaleChanged = scale !== this.#drawn.scale;
    if (scaleChanged || height !== this.#drawn.height) {
      d.grid.style.gridTemplateColumns = `${L.labelW}px ${plotW}px`;
      d.axis.setAttribute("width", String(plotW));
      d.axis.setAttribute("height", String(AXIS_H));
      d.plot.style.width = `${plotW}px`;
      d.plot.style.height = `${height}px`;
      d.gridSvg.setAttribute("width", String(plotW));
      d.gridSvg.setAttribute("height", String(Math.max(height, 1)));
      d.bandSvg.setAttribute("width", String(plotW));
      d.labels.style.height = `${height}px`;
      d.root.dataset.timelineWindow = `${L.view.start} ${L.view.end}`;
      drawAxis(
        d.axis,
        d.gridLines,
        ticksIn(L.view.start, L.view.end, Math.max(2, Math.floor(plotW / 90))),
        plotW,
        height,
        x,
      );
      this.#drawn.scale = scale;
      this.#drawn.height = height;
      this.#x = x;
    }
    if (this.#showTable) this.#table.sync(m);

    if (summary) {
      const key = `${scale}|${m.concurrency.length}|${now}`;
      // The band costs O(points); while a backlog is being applied, redraw it ~10 times a second.
      const wall = performance.now();
      const backlog = this.#queue.length > 0 && wall - this.#bandAt < 100;
      if (key !== this.#drawn.band && !backlog) {
        this.#bandAt = wall;
        drawBand(d.band, m.concurrency, x, now);
        const peak = count(m.concurrency.maxAlive);
        d.bandLabel.textContent = `Concurrency: up to ${peak} tasks at once`;
        this.#drawn.band = key;
      }
    } else if (this.#drawn.band) {
      d.band.replaceChildren();
      this.#drawn.band = "";
    }

    this.#lanesPending = this.#lanes.sync(lanes, {
      first: L.first,
      last: L.last,
      top: L.bandH,
      x,
      openTo: running ? L.span : now,
      redraw: scaleChanged,
      width: plotW,
      highlight: this.#highlight,
      recorded: m.source === "transcript",
    });

    const cursor = running && this.#anchorWall !== null;
    if (cursor !== this.#drawn.cursor) {
      d.now.style.display = cursor ? "" : "none";
      this.#drawn.cursor = cursor;
    }
    if (running) {
      // Marks at "now" (an end, a print) are a few pixels wide: the mask starts just past them.
      d.now.style.transform = `translateX(${px(x(now))}px)`;
      d.future.style.transform = `translateX(${px(x(now) + 6)}px)`;
    }
    if (this.#highlight !== null || scaleChanged) this.#drawHighlight();

    const label = timelineName(
      m.lanes.length,
      now,
      running,
      summary && !this.#showAll,
      recorded ? this.#title : null,
    );
    if (label !== this.#drawn.label) {
      d.scroller.setAttribute("aria-label", label);
      this.#drawn.label = label;
    }
  }

  /** The vertical line at the highlighted print's time: visible even when its lane is not drawn. */
  #drawHighlight(): void {
    const hl = this.#dom.hl;
    const p = this.#highlight === null ? null : this.#model.print(this.#highlight);
    for (const label of this.#lanes.labels()) label.classList.remove("is-hl");
    if (!p || !this.#x) {
      hl.style.display = "none";
      return;
    }
    this.#lanes.label(p.lane)?.classList.add("is-hl");
    hl.style.transform = `translateX(${px(this.#x(p.mark.t))}px)`;
    hl.style.display = "";
  }

  #hoverFromTimeline(i: number | null): void {
    this.highlightPrint(i);
    this.#onMarkHover(i);
  }

  #pointer(e: PointerEvent | null): void {
    const hit = e ? hitItem(e.target as Element, this.#model) : null;
    const print = hit?.printIndex ?? null;
    if (print !== this.#hoveredPrint) {
      this.#hoveredPrint = print;
      this.#hoverFromTimeline(print);
    }
    showTip(this.#dom.tip, this.#dom.root, e, hit?.text ?? null);
  }
}
