/**
 * Where everything goes in one frame: the span and scale, whether lanes or the summary band
 * show, and which lanes are in view. Pure, so the choices are tested without a browser.
 */
import { finishedSpan, formatSpan, liveSpan } from "./axis.ts";
import type { XScale } from "./lane-draw.ts";
import { LANE_H } from "./lane-draw.ts";
import { BAND_H } from "./summary-band.ts";
import type { TimeWindow } from "./time-window.ts";

export const AXIS_H = 24;
/** Pixels kept free at each end of the plot, so marks at 0 and at the end are not cut off. */
export const PAD = 12;
/** Below this plot width the drawing scrolls sideways instead of squeezing (phones); an example's
 * timeline column on a wide screen (~280 px of plot) still fits the whole run. */
export const MIN_PLOT_W = 200;
/** Lanes drawn beyond the visible ones, above and below, when lanes are virtualised. */
export const OVERSCAN = 10;
/**
 * Above this many lanes only the lanes in view (plus the overscan) are in the DOM: the drawing
 * shows about 16 at a time, and a rescale then redraws those, not hundreds.
 */
export const VIRTUAL_FROM = 40;

// One formatter: `toLocaleString` builds a new one on every call, which shows in a frame budget.
const NUMBER = new Intl.NumberFormat("en-US");

/** A count as the reader reads it: `1,000`. */
export function count(n: number): string {
  return NUMBER.format(n);
}

export interface LayoutInput {
  /** The view's width in CSS pixels. */
  width: number;
  now: number;
  running: boolean;
  lanes: number;
  laneLimit: number;
  source: "trace" | "transcript";
  /** The reader asked for every lane (summary mode). */
  showAll: boolean;
  scrollTop: number;
  viewHeight: number;
  /** The stretch of time the reader zoomed to (or the fit); null: the whole span from 0. */
  window: TimeWindow | null;
}

export interface Layout {
  /** The whole run's span from 0 (a live run's grows in nice steps). */
  span: number;
  /** The stretch of time the plot shows. */
  view: TimeWindow;
  labelW: number;
  plotW: number;
  x: XScale;
  mode: "lanes" | "summary" | "transcript";
  /** Height of the summary band's row, 0 when there is none. */
  bandH: number;
  height: number;
  /** Lanes [first, last) are drawn. */
  first: number;
  last: number;
  /** Changes whenever the scale does (then every drawn lane must be redrawn). */
  scaleKey: string;
}

export function layout(i: LayoutInput): Layout {
  const span = i.running ? liveSpan(i.now) : finishedSpan(i.now);
  const labelW = i.width < 480 ? 96 : 168;
  const plotW = Math.max(MIN_PLOT_W, i.width - labelW);
  const inner = plotW - 2 * PAD;
  const view = i.window ?? { start: 0, end: span };
  const k = inner / (view.end - view.start);
  const x: XScale = (t) => PAD + (t - view.start) * k;
  const over = i.lanes > i.laneLimit;
  const summary = over && i.source === "trace";
  const showLanes = !summary || i.showAll;
  const bandH = summary ? BAND_H + 8 : 0;
  let first = 0;
  let last = showLanes ? i.lanes : 0;
  if (showLanes && i.lanes > VIRTUAL_FROM) {
    const top = i.scrollTop - AXIS_H - bandH;
    first = Math.max(0, Math.floor(top / LANE_H) - OVERSCAN);
    last = Math.min(i.lanes, Math.max(0, Math.ceil((top + i.viewHeight) / LANE_H) + OVERSCAN));
  }
  return {
    span,
    view,
    labelW,
    plotW,
    x,
    mode: summary ? "summary" : i.source === "transcript" ? "transcript" : "lanes",
    bandH,
    height: bandH + (showLanes ? i.lanes * LANE_H : 0),
    first,
    last,
    scaleKey: `${view.start}|${view.end}|${plotW}|${labelW}`,
  };
}

/** The drawing's accessible name: "Timeline: 4 tasks over 3.0 s". */
export function timelineName(
  tasks: number,
  now: number,
  running: boolean,
  summary: boolean,
  /** The recorded run's title ("CPython 3.13's run (recorded)") before any run; null after. */
  recorded: string | null = null,
): string {
  const what = recorded ? `Timeline: ${recorded}, ` : "Timeline: ";
  if (tasks === 0 && !running) return `${what}no tasks yet`;
  const n = `${count(tasks)} ${tasks === 1 ? "task" : "tasks"}`;
  // While running the name leaves the time out: it would change every frame.
  const when = running ? "so far (running)" : `over ${formatSpan(now)}`;
  return `${what}${n} ${when}${summary ? ", shown as concurrency over time" : ""}`;
}
