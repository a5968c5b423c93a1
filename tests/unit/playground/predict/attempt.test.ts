import assert from "node:assert/strict";
import { test } from "node:test";
import {
  allRight,
  attemptOutcome,
  predictHint,
  TRIES_BEFORE_ANSWER,
} from "../../../../src/playground/predict/attempt.ts";
import { scorePrediction } from "../../../../src/playground/predict/score.ts";

const right = ["Hello, Alice", "Hello, Bob", "Goodbye, Bob", "Goodbye, Alice"];
const swapped = [right[1], right[0], right[2], right[3]] as string[];

test("an untouched answer is not checked, however it scores", () => {
  const s = scorePrediction(right, swapped, null, 2);
  assert.deepEqual(attemptOutcome(false, s, right, 0), { kind: "empty" });
});

test("a first wrong try earns a hint, not the answer; the second shows the answer", () => {
  assert.equal(TRIES_BEFORE_ANSWER, 2);
  const s = scorePrediction(right, swapped, 2, 2);
  assert.deepEqual(attemptOutcome(true, s, right, 0), {
    kind: "retry",
    hint: "Hint: line 1 is “Hello, Alice”.",
  });
  assert.deepEqual(attemptOutcome(true, s, right, 1), { kind: "answer" });
});

test("a right answer shows the answer at once; no time guess still counts as right", () => {
  const timed = scorePrediction(right, [...right], 2, 2);
  const untimed = scorePrediction(right, [...right], null, 2);
  assert.equal(allRight(timed), true);
  assert.equal(allRight(untimed), true);
  assert.deepEqual(attemptOutcome(true, untimed, right, 0), { kind: "answer" });
});

test("the right order with a wrong time is wrong, and the hint says which way the time is off", () => {
  const early = scorePrediction(right, [...right], 1, 2);
  const late = scorePrediction(right, [...right], 3.5, 2);
  assert.equal(allRight(early), false);
  assert.equal(predictHint(early, right), "Hint: the last line comes later than 1 s.");
  assert.equal(predictHint(late, right), "Hint: the last line comes earlier than 3.5 s.");
});

test("the hint names the first line out of place, even when later ones are wrong too", () => {
  const answer = [right[0], right[3], right[2], right[1]] as string[];
  const s = scorePrediction(right, answer, 2, 2);
  assert.equal(predictHint(s, right), "Hint: line 2 is “Hello, Bob”.");
});
