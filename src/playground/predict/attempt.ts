/**
 * What one press of "Check my answer" leads to: a prediction keeps its secret through one
 * wrong try, which earns a hint, and gives the answer on the second (or when it is all right,
 * or when the reader gives up). An untouched answer (no line moved, no time) is not checked at
 * all. Pure, so the rules are pinned down by unit tests; the island only applies them.
 */
import type { PredictScore } from "./score.ts";

/** Wrong tries before the answer is shown: one retry, with a hint. */
export const TRIES_BEFORE_ANSWER = 2;

export type AttemptOutcome =
  /** Nothing to check yet: the reader has neither moved a line nor guessed a time. */
  | { kind: "empty" }
  /** Wrong, with tries left: marks and a hint, the answer stays hidden. */
  | { kind: "retry"; hint: string }
  /** Right, or out of tries: show the answer. */
  | { kind: "answer" };

/** Every line in place, and the time right (or not guessed). */
export function allRight(score: PredictScore): boolean {
  return score.orderRight && (score.time.guess === null || score.time.right);
}

function seconds(t: number): string {
  return `${Number(t.toFixed(3))} s`;
}

/**
 * A hint that moves the reader on without giving the whole answer: the first line that is out
 * of place, or which way the time is off.
 *
 * @example
 * predictHint(scorePrediction(["a", "b"], ["b", "a"], null, 1), ["a", "b"])
 * // "Hint: line 1 is “a”."
 */
export function predictHint(score: PredictScore, expected: readonly string[]): string {
  const first = score.lines.findIndex((l) => !l.right);
  if (first >= 0) return `Hint: line ${first + 1} is “${expected[first] ?? ""}”.`;
  const { guess, actual } = score.time;
  if (guess === null) return "";
  return guess < actual
    ? `Hint: the last line comes later than ${seconds(guess)}.`
    : `Hint: the last line comes earlier than ${seconds(guess)}.`;
}

/**
 * @param touched the reader has moved a line or typed a time
 * @param tries wrong tries so far, before this one
 */
export function attemptOutcome(
  touched: boolean,
  score: PredictScore,
  expected: readonly string[],
  tries: number,
): AttemptOutcome {
  if (!touched) return { kind: "empty" };
  if (allRight(score) || tries + 1 >= TRIES_BEFORE_ANSWER) return { kind: "answer" };
  return { kind: "retry", hint: predictHint(score, expected) };
}
