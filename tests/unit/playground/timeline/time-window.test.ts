import assert from "node:assert/strict";
import { test } from "node:test";
import { ticksIn } from "../../../../src/playground/timeline/axis.ts";
import {
  fitWindow,
  MIN_WINDOW,
  panWindow,
  zoomWindow,
} from "../../../../src/playground/timeline/time-window.ts";

const run = { start: 0, end: 10 };

test("fit: from the first event to the last, a small margin inside the run", () => {
  const w = fitWindow(4, 6, run);
  assert.ok(w.start < 4 && w.start > 3.9, `${w.start}`);
  assert.ok(w.end > 6 && w.end < 6.1, `${w.end}`);
  // Activity from 0 to the end shows the whole run, never past it.
  assert.deepEqual(fitWindow(0, 10, run), { start: 0, end: 10 });
  // A run that took no time still has a window to draw in.
  const still = fitWindow(0, 0, { start: 0, end: 0.001 });
  assert.ok(still.end - still.start >= MIN_WINDOW);
});

test("zoom keeps the anchor where it is and stays inside the run", () => {
  assert.deepEqual(zoomWindow({ start: 0, end: 4 }, 0.5, 2, { start: 0, end: 4 }), {
    start: 1,
    end: 3,
  });
  // Anchored at a quarter of the window: that time stays at a quarter.
  const w = zoomWindow({ start: 2, end: 6 }, 0.5, 3, run);
  assert.deepEqual(w, { start: 2.5, end: 4.5 });
  // Zooming out past the run shows the run, not more.
  assert.deepEqual(zoomWindow({ start: 2, end: 6 }, 100, 3, run), run);
  // Zooming in stops at the narrowest window.
  let z = run;
  for (let i = 0; i < 100; i++) z = zoomWindow(z, 0.5, 5, run);
  assert.ok(Math.abs(z.end - z.start - MIN_WINDOW) < 1e-12, `${z.end - z.start}`);
});

test("pan moves by a fraction of the width and stops at the run's ends", () => {
  assert.deepEqual(panWindow({ start: 2, end: 4 }, 0.5, run), { start: 3, end: 5 });
  assert.deepEqual(panWindow({ start: 1, end: 3 }, -1, run), { start: 0, end: 2 });
  assert.deepEqual(panWindow({ start: 7, end: 9 }, 1, run), { start: 8, end: 10 });
});

test("ticks of a zoomed window lie inside it and are labelled for its scale", () => {
  const t = ticksIn(2.43, 2.61, 4);
  assert.equal(t.step, 0.05);
  assert.deepEqual(t.values, [2.45, 2.5, 2.55, 2.6]);
  assert.deepEqual(t.labels, ["2.45 s", "2.50 s", "2.55 s", "2.60 s"]);
  assert.deepEqual(ticksIn(0.2, 0.5, 3).labels, ["200 ms", "300 ms", "400 ms", "500 ms"]);
});
