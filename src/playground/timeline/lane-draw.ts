/**
 * Draws one lane into its SVG group: lifeline, created mark, waits (shaded, labelled when
 * there is room), steps (a mark, wide when the step took time), prints, errors and the end.
 * Items still going have no end yet: they are drawn up to `openTo` (the right edge of a live
 * axis), and the view clips the lanes at "now", so the cursor moving costs one attribute, not
 * one per open item.
 */

import { px, svg } from "./svg.ts";
import { type Lane, LOOP_KEY } from "./timeline-model.ts";

export const LANE_H = 26;
const MID = 15;
const STEP_MIN = 3;
const CHAR_W = 6.2;

export type XScale = (t: number) => number;

/** How far past the plot's edges an item may reach: enough to hide its outline, no more. */
const EDGE = 8;

/**
 * Replaces the group's children with the lane drawn at scale `x`, open items up to `openTo`;
 * returns how many elements that took. Items outside [0, width] (a zoomed axis) are left out
 * and long ones are cut at the edges, so zooming in on a dense lane costs no more elements.
 */
export function drawLane(
  g: SVGGElement,
  lane: Lane,
  x: XScale,
  openTo: number,
  highlighted: number | null,
  recorded: boolean,
  width: number,
): number {
  const parts: SVGElement[] = [];
  const clip = (v: number) => Math.max(-EDGE, Math.min(width + EDGE, v));
  const outside = (v: number) => v < -EDGE || v > width + EDGE;
  // A recorded transcript (and the loop lane) only knows when lines were printed: its
  // lifeline runs from the first line to the last, drawn as partial knowledge.
  const partial = recorded || lane.key === LOOP_KEY;
  const lifeEnd = lane.end?.t ?? (partial ? lane.last : null);
  const life = svg(
    "line",
    { x1: px(clip(x(lane.start))), x2: px(clip(x(lifeEnd ?? openTo))), y1: MID, y2: MID },
    partial ? "tl-life tl-life-partial" : "tl-life",
  );
  parts.push(life);

  // Items closer than a pixel are merged (waits) or skipped (steps, prints), so a lane with
  // thousands of events costs at most a few elements per pixel of width.
  let prev: {
    r: SVGRectElement;
    x0: number;
    x1: number;
    blocked: boolean;
    merged: boolean;
  } | null = null;
  const close = () => {
    if (prev?.merged) prev.r.setAttribute("width", px(Math.max(0, prev.x1 - prev.x0)));
  };
  lane.waits.forEach((w, i) => {
    const x0 = clip(x(w.start));
    const x1 = clip(x(w.end ?? openTo));
    if (x1 <= -EDGE || x0 >= width + EDGE) return;
    if (prev && prev.blocked === w.blocked && x0 < prev.x1 + 1 && x1 - x0 < 2) {
      prev.x1 = Math.max(prev.x1, x1);
      prev.merged = true;
      return;
    }
    close();
    const r = svg(
      "rect",
      {
        x: px(x0),
        y: MID - 6,
        width: px(Math.max(0, x1 - x0)),
        height: 12,
        "data-tl": `wait:${i}`,
      },
      w.blocked ? "tl-wait tl-blocked" : "tl-wait",
    );
    parts.push(r);
    prev = { r, x0, x1, blocked: w.blocked, merged: false };
    if (x1 - x0 >= w.on.length * CHAR_W + 8) {
      const label = svg("text", { x: px(x0 + 4), y: MID + 3.5 }, "tl-wait-label");
      label.textContent = w.on;
      parts.push(label);
    }
  });
  close();

  let lastStep = Number.NEGATIVE_INFINITY;
  lane.steps.forEach((s, i) => {
    const x0 = clip(x(s.start));
    const w = Math.max(STEP_MIN, clip(x(s.end ?? openTo)) - x0);
    if (x0 + w < -EDGE || x0 > width + EDGE) return;
    // Instant steps closer than a few pixels are skipped: drawn every pixel they would paint
    // the lane solid, as if the task held the loop all along.
    if (w <= STEP_MIN && x0 - lastStep < STEP_MIN + 2) return;
    lastStep = x0;
    const r = svg(
      "rect",
      { x: px(x0 - 1), y: MID - 8, width: px(w), height: 16, "data-tl": `step:${i}` },
      s.end !== null && s.end > s.start ? "tl-step tl-step-long" : "tl-step",
    );
    parts.push(r);
  });

  if (lane.created !== null && !outside(x(lane.created))) {
    const cx = x(lane.created);
    parts.push(svg("path", { d: `M${px(cx)} ${MID - 6}v12`, "data-tl": "created" }, "tl-created"));
  }

  let lastPrint = Number.NEGATIVE_INFINITY;
  lane.prints.forEach((p, i) => {
    const xp = x(p.t);
    if (outside(xp) || (xp - lastPrint < 1 && p.index !== highlighted)) return;
    lastPrint = xp;
    const r = svg(
      "rect",
      {
        x: px(xp - 2),
        y: 1,
        width: 4,
        height: 6,
        "data-tl": `print:${i}`,
        "data-print-index": p.index,
      },
      p.index === highlighted ? "tl-print is-hl" : "tl-print",
    );
    parts.push(r);
  });

  // As prints: one mark per pixel. A flood of failing callbacks (20,000 at one instant) drew
  // a mark each, and their style and layout took most of a 120 ms frame (issue 18).
  let lastError = Number.NEGATIVE_INFINITY;
  lane.errors.forEach((e, i) => {
    const cx = x(e.t);
    if (outside(cx) || cx - lastError < 1) return;
    lastError = cx;
    parts.push(
      svg(
        "path",
        { d: `M${px(cx)} ${MID - 6}l6 6l-6 6l-6 -6z`, "data-tl": `error:${i}` },
        "tl-error",
      ),
    );
  });

  if (lane.end && !outside(x(lane.end.t))) parts.push(endMark(lane.end.kind, x(lane.end.t)));
  g.replaceChildren(...parts);
  return parts.length;
}

function endMark(kind: "done" | "failed" | "cancelled", cx: number): SVGElement {
  const c = px(cx);
  if (kind === "done") {
    return svg("circle", { cx: c, cy: MID, r: 4.5, "data-tl": "end" }, "tl-end tl-end-done");
  }
  if (kind === "failed") {
    return svg(
      "path",
      { d: `M${px(cx - 4.5)} ${MID - 4.5}l9 9m0 -9l-9 9`, "data-tl": "end" },
      "tl-end tl-end-failed",
    );
  }
  return svg(
    "path",
    {
      d: `M${px(cx - 4.5)} ${MID - 4.5}h9v9h-9zM${px(cx - 4.5)} ${MID + 4.5}l9 -9`,
      "data-tl": "end",
    },
    "tl-end tl-end-cancelled",
  );
}
