/**
 * The drawn lanes: one SVG group and one label per lane in view. Keeps what it drew per lane
 * (version, position, open items) so a frame redraws only lanes that changed, stretches the
 * open ones to "now", and drops lanes scrolled out of a virtualised range.
 */
import { drawLane, LANE_H, type OpenItem, updateOpen, type XScale } from "./lane-draw.ts";
import { svg } from "./svg.ts";
import { type Lane, LOOP_KEY } from "./timeline-model.ts";

interface LaneView {
  g: SVGGElement;
  label: HTMLElement;
  version: number;
  y: number;
  open: OpenItem[];
}

export interface LaneFrame {
  /** Lanes [first, last) are drawn; the others are dropped. */
  first: number;
  last: number;
  /** Where lane 0 would sit (below the summary band, if any). */
  top: number;
  x: XScale;
  now: number;
  /** The scale changed: redraw every lane in range. */
  redraw: boolean;
  highlight: number | null;
  recorded: boolean;
}

export class LaneLayer {
  readonly #views = new Map<Lane, LaneView>();
  readonly #group: SVGGElement;
  readonly #labels: HTMLElement;

  constructor(group: SVGGElement, labels: HTMLElement) {
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

  sync(lanes: readonly Lane[], f: LaneFrame): void {
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
      if (v.version !== lane.version || f.redraw || v.y !== y) {
        v.g.setAttribute("transform", `translate(0 ${y})`);
        v.label.style.top = `${y}px`;
        v.label.textContent = lane.label;
        v.label.title = lane.label;
        v.open = drawLane(v.g, lane, f.x, f.now, f.highlight, f.recorded);
        v.version = lane.version;
        v.y = y;
      } else if (v.open.length > 0) {
        updateOpen(v.open, f.x, f.now);
      }
    }
  }

  #add(lane: Lane): LaneView {
    const g = svg("g");
    g.dataset.timelineLane = lane.key;
    const label = document.createElement("div");
    label.className = lane.key === LOOP_KEY ? "tl-label tl-label-loop" : "tl-label";
    label.dataset.timelineLaneLabel = lane.key;
    const v = { g, label, version: -1, y: -1, open: [] };
    this.#views.set(lane, v);
    this.#group.append(g);
    this.#labels.append(label);
    return v;
  }
}
