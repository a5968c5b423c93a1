/**
 * How the reader zooms and pans the time axis: the zoom buttons, keys on the focused drawing
 * (`+`/`-` zoom, arrows pan, `0` fits), Ctrl + wheel over the plot (also what a touchpad pinch
 * sends; a plain wheel keeps scrolling the page) and a two-finger pinch on a touch screen.
 */
import { PAN_STEP, ZOOM_STEP } from "./time-window.ts";
import type { ViewDom } from "./view-dom.ts";

/** What the input drives: the view's zoom, pan and fit. */
export interface Zoomable {
  /** Scales the shown window by `factor` (< 1 zooms in) around the time `anchor` (default: the middle). */
  zoom(factor: number, anchor?: number): void;
  /** Moves the shown window by `fraction` of its width (negative: earlier). */
  pan(fraction: number): void;
  /** Back to the default: the whole activity. */
  fit(): void;
}

export function wireZoom(
  d: ViewDom,
  view: Zoomable,
  timeAt: (clientX: number) => number | null,
): void {
  d.zoomIn.addEventListener("click", () => view.zoom(1 / ZOOM_STEP));
  d.zoomOut.addEventListener("click", () => view.zoom(ZOOM_STEP));
  d.fit.addEventListener("click", () => view.fit());
  d.scroller.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "+" || e.key === "=") view.zoom(1 / ZOOM_STEP);
    else if (e.key === "-" || e.key === "_") view.zoom(ZOOM_STEP);
    else if (e.key === "0") view.fit();
    else if (e.key === "ArrowLeft") view.pan(-PAN_STEP);
    else if (e.key === "ArrowRight") view.pan(PAN_STEP);
    else return;
    e.preventDefault();
  });
  d.plot.addEventListener(
    "wheel",
    (e) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      // A pinch sends many small deltas, a wheel notch one of ~100: both scale smoothly.
      const factor = Math.exp(Math.max(-1, Math.min(1, e.deltaY / 300)));
      view.zoom(factor, timeAt(e.clientX) ?? undefined);
    },
    { passive: false },
  );
  wirePinch(d.plot, view, timeAt);
}

/** Two fingers on the plot: the change in their distance zooms around their midpoint. */
function wirePinch(
  plot: HTMLElement,
  view: Zoomable,
  timeAt: (clientX: number) => number | null,
): void {
  const touches = new Map<number, number>();
  let spread = 0;
  const apart = () => {
    const [a, b] = [...touches.values()];
    return a === undefined || b === undefined ? 0 : Math.abs(a - b);
  };
  plot.addEventListener("pointerdown", (e) => {
    if (e.pointerType !== "touch") return;
    touches.set(e.pointerId, e.clientX);
    spread = apart();
  });
  plot.addEventListener("pointermove", (e) => {
    if (!touches.has(e.pointerId)) return;
    touches.set(e.pointerId, e.clientX);
    const now = apart();
    if (touches.size !== 2 || spread < 10 || now < 10) return;
    const [a, b] = [...touches.values()] as [number, number];
    view.zoom(spread / now, timeAt((a + b) / 2) ?? undefined);
    spread = now;
  });
  for (const type of ["pointerup", "pointercancel"] as const) {
    plot.addEventListener(type, (e) => {
      touches.delete(e.pointerId);
      spread = apart();
    });
  }
}
