/** No value from a run can hang the axis: non-finite times give a small default span. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { finishedSpan, liveSpan, ticks } from "../../../../src/playground/timeline/axis.ts";

test("liveSpan and finishedSpan return at once for NaN and Infinity", () => {
  for (const t of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
    assert.ok(Number.isFinite(liveSpan(t)) && liveSpan(t) > 0);
    assert.ok(Number.isFinite(finishedSpan(t)) && finishedSpan(t) > 0);
  }
});

test("ticks of a non-finite or empty span are a single zero tick", () => {
  for (const span of [Number.NaN, Number.POSITIVE_INFINITY, 0, -3])
    assert.deepEqual(ticks(span, 6).values, [0]);
});
