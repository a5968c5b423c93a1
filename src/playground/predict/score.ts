/**
 * Scores a "Predict the output" answer: which lines the reader put in the right place, whether
 * the whole order is right, and whether the time guess is close enough. Pure.
 */

/** One position of the reader's answer. */
export interface PlacedLine {
  text: string;
  /** 0-based position in the reader's order. */
  position: number;
  /** True when the right transcript has this same text at this position. */
  right: boolean;
}

export interface TimeScore {
  /** The reader's guess in seconds, or null when they gave none. */
  guess: number | null;
  actual: number;
  /** How far off a guess may be and still count: 10% of the actual time, at least 0.05 s. */
  tolerance: number;
  right: boolean;
}

export interface PredictScore {
  lines: PlacedLine[];
  rightCount: number;
  total: number;
  /** Every line in its place. */
  orderRight: boolean;
  time: TimeScore;
}

/** How far a time guess may be off: ±10% of the actual time, and never less than ±0.05 s. */
export function timeTolerance(actual: number): number {
  return Math.max(Math.abs(actual) * 0.1, 0.05);
}

/** The time field's number, reading a decimal comma too; null when empty, negative or not a number. */
export function parseSeconds(raw: string): number | null {
  const text = raw.trim().replace(",", ".");
  if (text === "") return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

export function scoreTime(guess: number | null, actual: number): TimeScore {
  const tolerance = timeTolerance(actual);
  const right =
    guess !== null && Number.isFinite(guess) && Math.abs(guess - actual) <= tolerance + 1e-9;
  return { guess, actual, tolerance, right };
}

/**
 * Compares the reader's order of texts with the right one, position by position. Lines with
 * the same text are interchangeable, so swapping two identical lines costs nothing.
 *
 * @example
 * scorePrediction(["a", "b", "c"], ["a", "c", "b"], 2, 2).lines.map((l) => l.right)
 * // [true, false, false]
 */
export function scorePrediction(
  expected: readonly string[],
  answer: readonly string[],
  guess: number | null,
  actualTime: number,
): PredictScore {
  if (answer.length !== expected.length) {
    throw new Error(`the answer has ${answer.length} lines; the transcript has ${expected.length}`);
  }
  const lines = answer.map((text, position) => ({
    text,
    position,
    right: expected[position] === text,
  }));
  const rightCount = lines.filter((l) => l.right).length;
  return {
    lines,
    rightCount,
    total: lines.length,
    orderRight: rightCount === lines.length,
    time: scoreTime(guess, actualTime),
  };
}

function seconds(t: number): string {
  return `${Number(t.toFixed(3))} s`;
}

/** The sentences the result area shows, first the order, then the time. */
export function describeScore(score: PredictScore): string[] {
  const order = score.orderRight
    ? `Order: right. All ${score.total} lines are in their places.`
    : `Order: not quite. ${score.rightCount} of ${score.total} lines ${score.rightCount === 1 ? "is in its place" : "are in their places"}; the lines marked “wrong place” are not.`;
  const { guess, actual, right } = score.time;
  const time =
    guess === null
      ? `Time: no guess. The last line was printed at ${seconds(actual)}.`
      : right
        ? `Time: right. You said ${seconds(guess)}; the last line was printed at ${seconds(actual)}.`
        : `Time: off. You said ${seconds(guess)}; the last line was printed at ${seconds(actual)}.`;
  return [order, time];
}
