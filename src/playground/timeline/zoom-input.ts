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

/**
 * Two fingers on the plot: the change in their distance zooms around their midpoint. Touch
 * events, not pointer events: the browser takes a two-finger gesture for its own pan (and
 * cancels the pointers) unless the move is cancelled, which only a touch event can do.
 */
function wirePinch(
  plot: HTMLElement,
  view: Zoomable,
  timeAt: (clientX: number) => number | null,
): void {
  let spread = 0;
  const apart = (e: TouchEvent) => {
    const [a, b] = [e.touches[0], e.touches[1]];
    return a && b ? Math.abs(a.clientX - b.clientX) : 0;
  };
  plot.addEventListener("touchstart", (e) => {
    spread = apart(e);
  });
  plot.addEventListener(
    "touchmove",
    (e) => {
      if (e.touches.length !== 2) return;
      e.preventDefault();
      const now = apart(e);
      if (spread >= 10 && now >= 10) {
        const mid = (e.touches[0]!.clientX + e.touches[1]!.clientX) / 2;
        view.zoom(spread / now, timeAt(mid) ?? undefined);
      }
      spread = now;
    },
    { passive: false },
  );
  plot.addEventListener("touchend", (e) => {
    spread = apart(e);
  });
}
