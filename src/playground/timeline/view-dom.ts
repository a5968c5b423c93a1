/**
 * The timeline's static DOM: toolbar, legend, the drawing (a scroll box that is one
 * `role="img"`, with a sticky axis and a sticky label column), the tooltip and the table
 * slot. Built once per view; everything the reader's program wrote goes in as text only.
 */

import { BAND_H } from "./summary-band.ts";
import { html, svg } from "./svg.ts";
import { tl } from "./timeline-strings.ts";

export interface ViewDom {
  root: HTMLElement;
  /** "CPython's run (recorded)": shown while the view draws a recorded transcript. */
  title: HTMLElement;
  tableButton: HTMLButtonElement;
  /** The zoom buttons' group: hidden while the table shows (it has no time axis). */
  zoom: HTMLElement;
  zoomIn: HTMLButtonElement;
  zoomOut: HTMLButtonElement;
  fit: HTMLButtonElement;
  lanesButton: HTMLButtonElement;
  scroller: HTMLElement;
  grid: HTMLElement;
  axis: SVGSVGElement;
  labels: HTMLElement;
  bandLabel: HTMLElement;
  plot: HTMLElement;
  gridSvg: SVGSVGElement;
  gridLines: SVGGElement;
  bandSvg: SVGSVGElement;
  band: SVGGElement;
  /** Holds one `<svg data-timeline-lane>` per drawn lane. */
  lanes: HTMLElement;
  /** Covers the plot right of "now" while running, so open items can be drawn to the edge. */
  future: HTMLElement;
  now: HTMLElement;
  hl: HTMLElement;
  tip: HTMLElement;
}

const LEGEND: [string, string][] = [
  ["run", "ran a step"],
  ["wait", "waiting"],
  ["blocked", "waiting on a lock, semaphore, event or queue"],
  ["print", "printed a line"],
  ["done", "done"],
  ["failed", "failed"],
  ["cancelled", "cancelled"],
];

function button(label: string, cls = "tl-btn"): HTMLButtonElement {
  const b = html("button", cls, label);
  b.type = "button";
  return b;
}

function toggle(label: string, which: string): HTMLButtonElement {
  const b = button(label);
  b.setAttribute("aria-pressed", "false");
  b.dataset.timelineToggle = which;
  return b;
}

/** A zoom button: a symbol for the eye, its name for everyone else. */
function zoomButton(symbol: string, name: string, which: string): HTMLButtonElement {
  const b = button(symbol, "tl-btn tl-zoom-btn");
  b.setAttribute("aria-label", name);
  b.title = `${name}. ${tl("zoom-help")}`;
  b.dataset.timelineZoom = which;
  return b;
}

export function buildDom(): ViewDom {
  const root = html("div", "tl");
  root.dataset.timeline = "";
  const title = html("p", "tl-title", tl("recorded"));
  title.hidden = true;
  const bar = html("div", "tl-bar");
  // The label says what a press does ("Show as timeline" while the table shows), so the
  // button is not also a pressed/unpressed toggle: its name would contradict its state.
  const tableButton = button(tl("show-table"));
  tableButton.dataset.timelineToggle = "table";
  const zoom = html("div", "tl-zoom");
  zoom.setAttribute("role", "group");
  zoom.setAttribute("aria-label", "Zoom");
  const zoomOut = zoomButton("−", tl("zoom-out"), "out");
  const zoomIn = zoomButton("+", tl("zoom-in"), "in");
  const fit = zoomButton("Fit", tl("fit"), "fit");
  zoom.append(zoomOut, zoomIn, fit);
  const lanesButton = toggle("Show all lanes", "lanes");
  lanesButton.hidden = true;
  const legend = html("ul", "tl-legend");
  legend.setAttribute("aria-label", "Legend");
  for (const [k, text] of LEGEND) {
    const li = html("li", `tl-legend-${k}`);
    li.append(html("span", `tl-key tl-key-${k}`), text);
    legend.append(li);
  }
  legend.append(html("li", "tl-legend-recorded", "recorded run: only printed lines are known"));
  bar.append(tableButton, zoom, lanesButton, legend);

  const scroller = html("div", "tl-scroll");
  scroller.setAttribute("role", "img");
  scroller.tabIndex = 0;
  scroller.dataset.timelineDrawing = "";
  scroller.setAttribute("aria-keyshortcuts", "+ - 0 ArrowLeft ArrowRight");
  const grid = html("div", "tl-grid");
  const corner = html("div", "tl-corner");
  const axis = svg("svg", { "aria-hidden": "true" }, "tl-axis");
  const labels = html("div", "tl-labels");
  const bandLabel = html("div", "tl-label tl-band-label");
  bandLabel.hidden = true;
  labels.append(bandLabel);
  // The plot is HTML: a grid-line SVG behind, the band, one small SVG per lane (so a change
  // repaints one lane, not the whole drawing), and the cursor and the "future" mask as
  // transformed divs (moving them each frame repaints nothing).
  const plot = html("div", "tl-plot");
  const gridSvg = svg("svg", { "aria-hidden": "true" }, "tl-gridsvg");
  const gridLines = svg("g", {}, "tl-gridlines");
  gridSvg.append(gridLines);
  const bandSvg = svg("svg", { "aria-hidden": "true", height: BAND_H }, "tl-bandsvg");
  const band = svg("g", {}, "tl-band-layer");
  bandSvg.append(band);
  bandSvg.style.display = "none";
  const lanes = html("div", "tl-lanes");
  const future = html("div", "tl-future");
  const now = html("div", "tl-now");
  const hl = html("div", "tl-hl");
  for (const e of [future, now, hl]) e.style.display = "none";
  plot.append(gridSvg, bandSvg, lanes, hl, future, now);
  grid.append(corner, axis, labels, plot);
  scroller.append(grid);

  const tip = html("div", "tl-tip");
  tip.setAttribute("aria-hidden", "true");
  tip.hidden = true;
  root.append(title, bar, scroller, tip);
  return {
    root,
    title,
    tableButton,
    zoom,
    zoomIn,
    zoomOut,
    fit,
    lanesButton,
    scroller,
    grid,
    axis,
    labels,
    bandLabel,
    plot,
    gridSvg,
    gridLines,
    bandSvg,
    band,
    lanes,
    future,
    now,
    hl,
    tip,
  };
}
