import assert from "node:assert/strict";
import { test } from "node:test";
import { LANE_H } from "../../../../src/playground/timeline/lane-draw.ts";
import {
  type LayoutInput,
  layout,
  MIN_PLOT_W,
  OVERSCAN,
  PAD,
  timelineName,
} from "../../../../src/playground/timeline/layout.ts";

const base: LayoutInput = {
  width: 900,
  now: 3,
  running: false,
  lanes: 4,
  laneLimit: 200,
  source: "trace",
  showAll: false,
  scrollTop: 0,
  viewHeight: 400,
  window: null,
};

test("a zoomed window maps its start to the left pad and its end to the right", () => {
  const l = layout({ ...base, window: { start: 1, end: 2 } });
  assert.equal(l.x(1), PAD);
  assert.equal(l.x(2), l.plotW - PAD);
  assert.ok(l.x(0) < 0, "time before the window is left of the plot");
  assert.notEqual(l.scaleKey, layout(base).scaleKey, "a zoom redraws the lanes");
});

test("a finished run fits the width: 0 at the left pad, the end at the right", () => {
  const l = layout(base);
  assert.equal(l.mode, "lanes");
  assert.equal(l.x(0), PAD);
  assert.equal(l.x(3), l.plotW - PAD);
  assert.deepEqual([l.first, l.last, l.height], [0, 4, 4 * LANE_H]);
});

test("a running run's axis is a nice span past now", () => {
  const l = layout({ ...base, running: true, now: 1.2 });
  assert.equal(l.span, 1.5);
  assert.ok(l.x(1.2) < l.plotW - PAD);
});

test("narrow screens keep a minimum plot width (the drawing scrolls)", () => {
  const l = layout({ ...base, width: 260 });
  assert.equal(l.plotW, MIN_PLOT_W);
  assert.ok(l.labelW + l.plotW > 260);
});

test("an example's timeline column (~380 px) fits the whole finished run without scrolling", () => {
  const l = layout({ ...base, width: 380, running: false, now: 2 });
  assert.ok(l.labelW + l.plotW <= 380);
  assert.ok(l.x(2) <= l.plotW - PAD);
});

test("past the lane limit: the summary band, and no lanes until asked for", () => {
  const l = layout({ ...base, lanes: 201 });
  assert.equal(l.mode, "summary");
  assert.ok(l.bandH > 0);
  assert.deepEqual([l.first, l.last], [0, 0]);
  assert.equal(layout({ ...base, lanes: 200 }).mode, "lanes");
});

test("lanes on demand are virtualised around the scroll position", () => {
  const l = layout({
    ...base,
    lanes: 10_000,
    showAll: true,
    scrollTop: 100 * LANE_H,
    viewHeight: 10 * LANE_H,
  });
  assert.equal(l.height, l.bandH + 10_000 * LANE_H);
  assert.ok(l.first > 90 - OVERSCAN - 5 && l.first < 100, `first ${l.first}`);
  assert.ok(l.last > 100 && l.last < 110 + OVERSCAN + 5, `last ${l.last}`);
});

test("more lanes than fit are virtualised even below the summary threshold", () => {
  const l = layout({ ...base, lanes: 150, viewHeight: 10 * LANE_H });
  assert.equal(l.mode, "lanes");
  assert.equal(l.first, 0);
  assert.ok(l.last <= 10 + OVERSCAN + 1, `last ${l.last}`);
  assert.deepEqual(
    [layout({ ...base, lanes: 40 }).first, layout({ ...base, lanes: 40 }).last],
    [0, 40],
  );
});

test("a transcript never collapses into a summary (it has no waits to count)", () => {
  const l = layout({ ...base, lanes: 500, source: "transcript", viewHeight: 200 });
  assert.equal(l.mode, "transcript");
  assert.equal(l.first, 0);
  assert.ok(l.last < 500);
});

test("the accessible name starts with Timeline", () => {
  assert.equal(timelineName(4, 3, false, false), "Timeline: 4 tasks over 3.0 s");
  assert.equal(timelineName(0, 0, false, false), "Timeline: no tasks yet");
  assert.equal(timelineName(1, 0.25, true, false), "Timeline: 1 task so far (running)");
  assert.equal(
    timelineName(1000, 4.5, false, true),
    "Timeline: 1,000 tasks over 4.5 s, shown as concurrency over time",
  );
  assert.equal(
    timelineName(2, 3.105, false, false, "CPython 3.13's run (recorded)"),
    "Timeline: CPython 3.13's run (recorded), 2 tasks over 3.1 s",
  );
});
