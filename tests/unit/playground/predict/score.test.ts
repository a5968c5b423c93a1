import assert from "node:assert/strict";
import { test } from "node:test";
import {
  describeScore,
  parseSeconds,
  scorePrediction,
  scoreTime,
  timeTolerance,
} from "../../../../src/playground/predict/score.ts";

const right = [
  "Hello, Alice",
  "Hello, Bob",
  "Hello, Charlie",
  "Goodbye, Charlie",
  "Goodbye, Alice",
];

test("the right order scores every line right", () => {
  const s = scorePrediction(right, [...right], 2, 2);
  assert.equal(s.orderRight, true);
  assert.equal(s.rightCount, 5);
  assert.deepEqual(
    s.lines.map((l) => l.right),
    [true, true, true, true, true],
  );
});

test("swapping two lines marks exactly those two wrong", () => {
  const answer = [...right];
  [answer[1], answer[3]] = [answer[3] as string, answer[1] as string];
  const s = scorePrediction(right, answer, null, 2);
  assert.equal(s.orderRight, false);
  assert.equal(s.rightCount, 3);
  assert.deepEqual(
    s.lines.map((l) => l.right),
    [true, false, true, false, true],
  );
  assert.equal(s.lines[1]?.text, "Goodbye, Charlie");
});

test("identical lines are interchangeable", () => {
  const s = scorePrediction(["tick", "tick", "done"], ["tick", "tick", "done"], 1, 1);
  assert.equal(s.orderRight, true);
});

test("an answer of the wrong length is a programming error", () => {
  assert.throws(
    () => scorePrediction(right, right.slice(1), 1, 1),
    /4 lines; the transcript has 5/,
  );
});

test("the time guess counts within ±10%, and never tighter than ±0.05 s", () => {
  assert.equal(timeTolerance(2), 0.2);
  assert.equal(timeTolerance(0.1), 0.05);
  assert.equal(timeTolerance(0), 0.05);
  assert.equal(scoreTime(2.2, 2).right, true);
  assert.equal(scoreTime(1.8, 2).right, true);
  assert.equal(scoreTime(2.25, 2).right, false);
  assert.equal(scoreTime(1.7, 2).right, false);
  assert.equal(scoreTime(0.05, 0).right, true);
  assert.equal(scoreTime(0.1, 0).right, false);
  assert.equal(scoreTime(null, 2).right, false);
});

test("the time field reads decimals with a point or a comma", () => {
  assert.equal(parseSeconds("2"), 2);
  assert.equal(parseSeconds(" 0,5 "), 0.5);
  assert.equal(parseSeconds(""), null);
  assert.equal(parseSeconds("-1"), null);
  assert.equal(parseSeconds("soon"), null);
});

test("the result sentences say how the order and time did", () => {
  const good = describeScore(scorePrediction(right, right, 2, 2));
  assert.deepEqual(good, [
    "Order: right. All 5 lines are in their places.",
    "Time: right. You said 2 s; the last line was printed at 2 s.",
  ]);
  const answer = [...right].reverse();
  const bad = describeScore(scorePrediction(right, answer, 3.5, 2));
  assert.match(bad[0] ?? "", /^Order: not quite\. 1 of 5 lines is in its place;/);
  assert.equal(bad[1], "Time: off. You said 3.5 s; the last line was printed at 2 s.");
  assert.match(describeScore(scorePrediction(right, right, null, 2))[1] ?? "", /^Time: no guess/);
});
