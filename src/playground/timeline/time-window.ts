/**
 * The stretch of loop time the plot shows, and how the reader moves it: fit to where things
 * happen, zoom around a point, pan. Pure, so the arithmetic is tested without a browser.
 */

/** A range of loop seconds, `start` < `end`. */
export interface TimeWindow {
  start: number;
  end: number;
}

/** The narrowest window a zoom reaches: a tenth of a millisecond shows single steps. */
export const MIN_WINDOW = 1e-4;
/** Each zoom step (button, key, wheel notch) scales the window by this much. */
export const ZOOM_STEP = 1.5;
/** Each pan step (arrow key) moves the window by this fraction of its width. */
export const PAN_STEP = 0.2;
/** Room left on each side of the activity when fitting, as a fraction of its length. */
const FIT_MARGIN = 0.02;

/**
 * The window that shows all activity: from the first event to the last, with a small margin
 * but never before 0 or past `bounds`. A run with no length gets a small window at its time.
 */
export function fitWindow(first: number, last: number, bounds: TimeWindow): TimeWindow {
  const a = Number.isFinite(first) ? first : bounds.start;
  const b = Number.isFinite(last) ? last : bounds.end;
  const len = Math.max(b - a, MIN_WINDOW * 10);
  const start = Math.max(bounds.start, a - len * FIT_MARGIN);
  const end = Math.min(Math.max(bounds.end, start + MIN_WINDOW), b + len * FIT_MARGIN);
  return end - start >= MIN_WINDOW ? { start, end } : { start, end: start + MIN_WINDOW };
}

/** Keeps `w` inside `bounds` (moving it, not shrinking it, unless it is wider than them). */
export function clampWindow(w: TimeWindow, bounds: TimeWindow): TimeWindow {
  const width = Math.min(w.end - w.start, bounds.end - bounds.start);
  const start = Math.min(Math.max(w.start, bounds.start), bounds.end - width);
  return { start, end: start + width };
}

/**
 * Scales the window by `factor` (< 1 zooms in) keeping the time `anchor` where it is on screen
 * (the pointer, or the middle for buttons and keys), within `bounds` and no narrower than
 * `MIN_WINDOW`.
 * @example
 * zoomWindow({ start: 0, end: 4 }, 0.5, 2, { start: 0, end: 4 }); // { start: 1, end: 3 }
 */
export function zoomWindow(
  w: TimeWindow,
  factor: number,
  anchor: number,
  bounds: TimeWindow,
): TimeWindow {
  const width = w.end - w.start;
  const next = Math.min(bounds.end - bounds.start, Math.max(MIN_WINDOW, width * factor));
  const at = Math.min(1, Math.max(0, (anchor - w.start) / width));
  return clampWindow({ start: anchor - at * next, end: anchor - at * next + next }, bounds);
}

/** Moves the window by `fraction` of its width (negative: earlier), within `bounds`. */
export function panWindow(w: TimeWindow, fraction: number, bounds: TimeWindow): TimeWindow {
  const shift = (w.end - w.start) * fraction;
  return clampWindow({ start: w.start + shift, end: w.end + shift }, bounds);
}
