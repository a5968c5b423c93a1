/** Pieces of the timeline view kept apart from its frame loop: the axis, hit-testing, the tooltip. */
import type { Ticks } from "./axis.ts";
import { describeItem } from "./describe.ts";
import type { XScale } from "./lane-draw.ts";
import { AXIS_H } from "./layout.ts";
import { px, svg } from "./svg.ts";
import type { TimelineModel } from "./timeline-model.ts";

/** Draws the ticks and their labels into the axis, and the matching grid lines into the plot. */
export function drawAxis(
  axisSvg: SVGSVGElement,
  gridLines: SVGGElement,
  t: Ticks,
  plotW: number,
  height: number,
  x: XScale,
): void {
  const axis: SVGElement[] = [];
  const lines: SVGElement[] = [];
  t.values.forEach((v, i) => {
    const xv = px(x(v));
    axis.push(svg("line", { x1: xv, x2: xv, y1: AXIS_H - 6, y2: AXIS_H }, "tl-tick"));
    // The end labels are anchored inwards so they are not cut off at the plot's edges.
    const anchor =
      i === 0 ? "start" : i === t.values.length - 1 && x(v) > plotW - 30 ? "end" : "middle";
    const shift = anchor === "start" ? -4 : anchor === "end" ? 4 : 0;
    const text = svg(
      "text",
      { x: px(x(v) + shift), y: AXIS_H - 9, "text-anchor": anchor },
      "tl-tick-label",
    );
    text.textContent = t.labels[i]!;
    axis.push(text);
    lines.push(svg("line", { x1: xv, x2: xv, y1: 0, y2: height }, "tl-gridline"));
  });
  axis.push(svg("line", { x1: 0, x2: plotW, y1: AXIS_H - 0.5, y2: AXIS_H - 0.5 }, "tl-axis-line"));
  axisSvg.replaceChildren(...axis);
  gridLines.replaceChildren(...lines);
}

/** What is under the pointer: the tooltip text of a mark, and its print index if it is a print. */
export function hitItem(
  target: Element,
  model: TimelineModel,
): { text: string | null; printIndex: number | null } | null {
  const item = target.closest?.("[data-tl]");
  const laneEl = item?.closest("[data-timeline-lane]");
  const lane = laneEl ? model.lane(laneEl.getAttribute("data-timeline-lane")!) : null;
  if (!item || !lane) return null;
  const pi = item.getAttribute("data-print-index");
  return {
    text: describeItem(lane, item.getAttribute("data-tl")!),
    printIndex: pi === null ? null : Number(pi),
  };
}

/** Shows `text` near the pointer (as text, never HTML), or hides the tooltip. */
export function showTip(
  tip: HTMLElement,
  root: HTMLElement,
  e: PointerEvent | null,
  text: string | null,
): void {
  if (!e || text === null) {
    tip.hidden = true;
    return;
  }
  tip.textContent = text;
  tip.hidden = false;
  const box = root.getBoundingClientRect();
  const left = Math.min(e.clientX - box.left + 12, box.width - tip.offsetWidth - 4);
  tip.style.left = `${Math.max(4, left)}px`;
  tip.style.top = `${e.clientY - box.top + 16}px`;
}
