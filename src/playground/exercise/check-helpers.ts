/**
 * Small helpers for exercise checks, all computed from a finished run (`RunResult`). Pure.
 *
 * Two kinds:
 * - **facts** read the run: `printedTexts`, `printTime`, `finishTime`, `findTask`,
 *   `taskOutcome`, `peakWaiting`, `peakAlive`, `escapedException`, …
 * - **requirements** (`require…`) return a failing `CheckResult` with a reason the reader can
 *   act on, or `null` when satisfied, so a check chains them with `??`:
 *
 * @example
 * export default function check(run: RunResult): CheckResult {
 *   return (
 *     requireFinished(run) ??
 *     requirePrintedInOrder(run, ["Hello", "Goodbye"]) ??
 *     requireFinishedBy(run, 1.0) ??
 *     pass("both lines printed, and the run took 1.0 s")
 *   );
 * }
 */
import { timerLateness } from "../timer-lateness.ts";
import { toleranceFor } from "../verdict.ts";
import type { CheckResult, ParsedLine, RunResult } from "./check-types.ts";
import {
  type Peak,
  peakWaiting,
  type TaskFacts,
  type TaskOutcome,
  taskFacts,
  type WaitMatch,
} from "./task-facts.ts";

export {
  type Peak,
  peakAlive,
  peakWaiting,
  type TaskFacts,
  type TaskOutcome,
  taskFacts,
  type WaitMatch,
} from "./task-facts.ts";

/** A printed line's text: a string matches exactly, a RegExp is tested. */
export type TextMatch = string | RegExp;

export function pass(reason: string): CheckResult {
  return { pass: true, reason };
}

export function fail(reason: string): CheckResult {
  return { pass: false, reason };
}

export function textMatches(match: TextMatch, text: string): boolean {
  return typeof match === "string" ? text === match : match.test(text);
}

/** How a match reads in a reason: `"Goodbye, Bob"` or `/Goodbye/`. */
export function describeMatch(match: TextMatch): string {
  return typeof match === "string" ? `“${match}”` : String(match);
}

/** The printed lines (not exception or loop-error lines), in order. */
export function printedLines(run: RunResult): Extract<ParsedLine, { kind: "print" }>[] {
  return run.lines.filter((l): l is Extract<ParsedLine, { kind: "print" }> => l.kind === "print");
}

/** The printed texts, in order, without stamps. */
export function printedTexts(run: RunResult): string[] {
  return printedLines(run).map((l) => l.text);
}

/** How many printed lines match. */
export function countPrinted(run: RunResult, match: TextMatch): number {
  return printedTexts(run).filter((t) => textMatches(match, t)).length;
}

/** The loop time of the first printed line that matches, or null if none does. */
export function printTime(run: RunResult, match: TextMatch): number | null {
  return printedLines(run).find((l) => textMatches(match, l.text))?.t ?? null;
}

/** The loop time when the run ended, in seconds. */
export function finishTime(run: RunResult): number {
  return run.t;
}

/**
 * Seconds a time may be late and still count as "by then": none on the virtual clock (plus a
 * hair for float sums); on a real or scaled clock the output verdict's tolerance plus how late
 * the host woke the run's timers, so a busy machine does not fail a correct solution.
 */
export function timeSlack(run: RunResult): number {
  if (run.speed === "instant") return 1e-9;
  return toleranceFor(run.speed) + timerLateness(run.events).total + 1e-9;
}

/** The first line of an exception that escaped `asyncio.run`, or null. */
export function escapedException(run: RunResult): string | null {
  const line = run.lines.find((l) => l.kind === "exception");
  return line ? line.text : null;
}

/** The task with this name (any name it ever had; a RegExp tests them), or undefined. */
export function findTask(run: RunResult, name: TextMatch): TaskFacts | undefined {
  return taskFacts(run.events).find((f) => f.names.some((n) => textMatches(name, n)));
}

/** How the named task ended, or `missing` if no task had that name. */
export function taskOutcome(run: RunResult, name: TextMatch): TaskOutcome | "missing" {
  return findTask(run, name)?.outcome ?? "missing";
}

function seconds(t: number): string {
  return `${Number(t.toFixed(3))} s`;
}

// ---- requirements: a failing CheckResult, or null when satisfied ----

/** The run finished normally: not stopped, not timed out, no exception escaped. */
export function requireFinished(run: RunResult): CheckResult | null {
  switch (run.status) {
    case "finished":
      return null;
    case "failed": {
      const exc = escapedException(run);
      return fail(exc ? `the program raised ${exc}` : "the program failed with an error");
    }
    case "stopped":
      return fail("the run was stopped before it finished");
    case "timeout":
      return fail("the run took too long and was stopped");
    case "output-limit":
    case "budget":
      return fail("the run printed too much and was stopped");
    case "out-of-memory":
      return fail("the run used too much memory and was stopped");
    case "closed":
      return fail("the program closed its worker before it finished");
    case "refused":
      return fail("the run sent messages the page refused, and was stopped");
  }
}

/** The run ended by `limit` seconds of loop time. */
export function requireFinishedBy(run: RunResult, limit: number): CheckResult | null {
  if (run.t <= limit + timeSlack(run)) return null;
  return fail(`the run took ${seconds(run.t)}; it should finish by ${seconds(limit)}`);
}

/** The run ended no earlier than `limit` seconds (e.g. "the timeout really waited"). */
export function requireFinishedAfter(run: RunResult, limit: number): CheckResult | null {
  if (run.t >= limit - timeSlack(run)) return null;
  return fail(`the run ended at ${seconds(run.t)}; it should last at least ${seconds(limit)}`);
}

/** Exactly `n` printed lines match (`n` lines in all when `match` is omitted). */
export function requirePrintedCount(
  run: RunResult,
  n: number,
  match?: TextMatch,
): CheckResult | null {
  const got = match === undefined ? printedTexts(run).length : countPrinted(run, match);
  if (got === n) return null;
  const what = match === undefined ? "lines" : `lines matching ${describeMatch(match)}`;
  return fail(`printed ${got} ${what}, expected ${n}`);
}

/** Every match is printed by some line, in any order. */
export function requirePrinted(run: RunResult, matches: readonly TextMatch[]): CheckResult | null {
  const texts = printedTexts(run);
  const missing = matches.find((m) => !texts.some((t) => textMatches(m, t)));
  return missing === undefined ? null : fail(`nothing printed ${describeMatch(missing)}`);
}

/** No printed line matches. */
export function requireNotPrinted(run: RunResult, match: TextMatch): CheckResult | null {
  const hit = printedTexts(run).find((t) => textMatches(match, t));
  return hit === undefined ? null : fail(`printed “${hit}”, which it should not`);
}

/**
 * The matches are printed in this order (other lines may come between them): each match is
 * looked for after the line the previous one matched.
 */
export function requirePrintedInOrder(
  run: RunResult,
  matches: readonly TextMatch[],
): CheckResult | null {
  const texts = printedTexts(run);
  let from = 0;
  for (const [i, m] of matches.entries()) {
    const at = texts.findIndex((t, j) => j >= from && textMatches(m, t));
    if (at >= 0) {
      from = at + 1;
      continue;
    }
    if (!texts.some((t) => textMatches(m, t))) return fail(`nothing printed ${describeMatch(m)}`);
    const prev = matches[i - 1];
    return fail(
      prev === undefined
        ? `${describeMatch(m)} was printed too early`
        : `${describeMatch(m)} was printed before ${describeMatch(prev)}; it should come after`,
    );
  }
  return null;
}

/** A line matching `match` is printed by loop time `limit`. */
export function requirePrintedBy(
  run: RunResult,
  match: TextMatch,
  limit: number,
): CheckResult | null {
  const t = printTime(run, match);
  if (t === null) return fail(`nothing printed ${describeMatch(match)}`);
  if (t <= limit + timeSlack(run)) return null;
  return fail(
    `${describeMatch(match)} was printed at ${seconds(t)}; it should be by ${seconds(limit)}`,
  );
}

/** Never more than `max` tasks suspended at once on what `on` matches (`"sleep"`, `/^fetch/`…). */
export function requireAtMostWaiting(
  run: RunResult,
  on: WaitMatch,
  max: number,
  what = `waiting on ${typeof on === "function" ? "it" : String(on)}`,
): CheckResult | null {
  const peak: Peak = peakWaiting(run.events, on);
  if (peak.max <= max) return null;
  return fail(
    `${peak.max} tasks were ${what} at once (at ${seconds(peak.at ?? 0)}); at most ${max} should be`,
  );
}

/** At some moment at least `min` tasks were suspended at once on what `on` matches (they overlapped). */
export function requireAtLeastWaiting(
  run: RunResult,
  on: WaitMatch,
  min: number,
  what = `waiting on ${typeof on === "function" ? "it" : String(on)}`,
): CheckResult | null {
  const peak = peakWaiting(run.events, on);
  if (peak.max >= min) return null;
  return fail(`at most ${peak.max} tasks were ${what} at once; at least ${min} should overlap`);
}

/** The named task ended this way. */
export function requireTaskOutcome(
  run: RunResult,
  name: TextMatch,
  outcome: TaskOutcome,
): CheckResult | null {
  const task = findTask(run, name);
  if (!task) return fail(`no task named ${describeMatch(name)} was created`);
  if (task.outcome === outcome) return null;
  const how: Record<TaskOutcome, string> = {
    done: "finished normally",
    failed: `failed${task.detail ? ` with ${task.detail}` : ""}`,
    cancelled: "was cancelled",
    unfinished: "had not finished when the run ended",
  };
  const want: Record<TaskOutcome, string> = {
    done: "finish normally",
    failed: "fail",
    cancelled: "be cancelled",
    unfinished: "still be running at the end",
  };
  return fail(`task ${task.name} ${how[task.outcome]}; it should ${want[outcome]}`);
}
