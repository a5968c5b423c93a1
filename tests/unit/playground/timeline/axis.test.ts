import assert from "node:assert/strict";
import { test } from "node:test";
import {
  finishedSpan,
  formatSpan,
  formatTime,
  liveSpan,
  ticks,
} from "../../../../src/playground/timeline/axis.ts";

test("a live axis grows in nice steps, never below its minimum", () => {
  assert.equal(liveSpan(0), 0.1);
  assert.equal(liveSpan(0.1), 0.1);
  assert.equal(liveSpan(0.12), 0.15);
  assert.equal(liveSpan(0.3), 0.3);
  assert.equal(liveSpan(1.01), 1.5);
  assert.equal(liveSpan(2.5), 3);
  assert.equal(liveSpan(9), 10);
  assert.equal(liveSpan(81), 100);
});

test("a finished axis fits the run", () => {
  assert.equal(finishedSpan(3.25), 3.25);
  assert.ok(finishedSpan(0) > 0);
});

test("ticks: seconds for runs of a second or more, ms below", () => {
  assert.deepEqual(ticks(3, 6), {
    values: [0, 0.5, 1, 1.5, 2, 2.5, 3],
    step: 0.5,
    unit: "s",
    labels: ["0.0 s", "0.5 s", "1.0 s", "1.5 s", "2.0 s", "2.5 s", "3.0 s"],
  });
  const t = ticks(0.25, 5);
  assert.equal(t.unit, "ms");
  assert.deepEqual(t.labels, ["0 ms", "50 ms", "100 ms", "150 ms", "200 ms", "250 ms"]);
  const long = ticks(125, 6);
  assert.equal(long.step, 50);
  assert.deepEqual(long.labels, ["0 s", "50 s", "100 s"]);
});

test("ticks never exceed the number asked for", () => {
  for (const span of [0.001, 0.07, 0.9, 1, 7.3, 60, 999]) {
    for (const n of [2, 5, 10]) {
      const t = ticks(span, n);
      assert.ok(t.values.length - 1 <= n, `${span}/${n}: ${t.values}`);
      assert.ok(t.values.at(-1)! <= span * (1 + 1e-9));
    }
  }
});

test("times read like the transcript; spans read for prose", () => {
  assert.equal(formatTime(1), "1.000 s");
  assert.equal(formatSpan(0.25), "250 ms");
  assert.equal(formatSpan(3), "3.0 s");
  assert.equal(formatSpan(42), "42 s");
});
