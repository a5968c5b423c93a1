/**
 * The drawn lanes: one small SVG and one label per lane in view. Keeps what it drew per lane
 * (version, position) so a frame redraws only lanes that changed, and drops lanes scrolled
 * out of a virtualised range.
 */
import { drawLane, LANE_H, type XScale } from "./lane-draw.ts";
import { svg } from "./svg.ts";
import { type Lane, LOOP_KEY } from "./timeline-model.ts";

interface LaneView {
  g: SVGSVGElement;
  label: HTMLElement;
  version: number;
  y: number;
  /** Elements the last drawing took, and when it was made (wall clock, ms). */
  cost: number;
  drawnAt: number;
}

export interface LaneFrame {
  /** Lanes [first, last) are drawn; the others are dropped. */
  first: number;
  last: number;
  /** Where lane 0 would sit (below the summary band, if any). */
  top: number;
  x: XScale;
  /** Where items still going are drawn to (the view clips them at "now"). */
  openTo: number;
  /** The scale changed: redraw every lane in range. */
  redraw: boolean;
  width: number;
  highlight: number | null;
  recorded: boolean;
}

export class LaneLayer {
  readonly #views = new Map<Lane, LaneView>();
  readonly #group: HTMLElement;
  readonly #labels: HTMLElement;

  constructor(group: HTMLElement, labels: HTMLElement) {
    this.#group = group;
    this.#labels = labels;
  }

  clear(): void {
    for (const v of this.#views.values()) {
      v.g.remove();
      v.label.remove();
    }
    this.#views.clear();
  }

  label(lane: Lane): HTMLElement | null {
    return this.#views.get(lane)?.label ?? null;
  }

  *labels(): Iterable<HTMLElement> {
    for (const v of this.#views.values()) yield v.label;
  }

  /**
   * Brings the lanes in range up to date. A lane that is costly to draw (hundreds of elements)
   * is redrawn at most every few hundred ms while it keeps changing; returns true when such a
   * lane is still waiting for its redraw (the caller should ask for another frame).
   */
  sync(lanes: readonly Lane[], f: LaneFrame): boolean {
    let pending = false;
    const wall = performance.now();
    for (const [lane, v] of this.#views) {
      if (lane.index < f.first || lane.index >= f.last || lanes[lane.index] !== lane) {
        v.g.remove();
        v.label.remove();
        this.#views.delete(lane);
      }
    }
    for (let i = f.first; i < f.last; i++) {
      const lane = lanes[i]!;
      const y = f.top + i * LANE_H;
      const v = this.#views.get(lane) ?? this.#add(lane);
      const stale = v.version !== lane.version;
      if (stale && !f.redraw && v.y === y && wall - v.drawnAt < Math.min(500, v.cost * 0.25)) {
        pending = true;
      } else if (stale || f.redraw || v.y !== y) {
        v.g.style.top = `${y}px`;
        v.g.setAttribute("width", String(f.width));
        v.label.style.top = `${y}px`;
        v.label.textContent = lane.label;
        // The label column cuts long names: the title always has the whole one.
        v.label.title =
          f.recorded && lane.prints.length === 0 && lane.errors.length === 0
            ? `${lane.label}: printed nothing in CPython's run, so the recording does not show when it ran`
            : lane.label;
        v.cost = drawLane(v.g, lane, f.x, f.openTo, f.highlight, f.recorded, f.width);
        v.drawnAt = wall;
        v.version = lane.version;
        v.y = y;
      }
    }
    return pending;
  }

  #add(lane: Lane): LaneView {
    const g = svg("svg", { height: LANE_H, "aria-hidden": "true" }, "tl-lane");
    g.dataset.timelineLane = lane.key;
    const label = document.createElement("div");
    label.className = lane.key === LOOP_KEY ? "tl-label tl-label-loop" : "tl-label";
    label.dataset.timelineLaneLabel = lane.key;
    const v = { g, label, version: -1, y: -1, cost: 0, drawnAt: 0 };
    this.#views.set(lane, v);
    this.#group.append(g);
    this.#labels.append(label);
    return v;
  }
}
