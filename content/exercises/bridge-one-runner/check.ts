/**
 * Passes when both calls share one runner: the login's context (user = ada) is still there for
 * the second call, so it prints "inbox of ada", and both main tasks ran on one loop (the second
 * is Task-2: a second asyncio.run would have made a new loop, and Task-4 after the first run's
 * shutdown). Two asyncio.run calls print "inbox of nobody".
 */
import {
  fail,
  pass,
  printedLines,
  requireFinished,
  requireNotPrinted,
  requirePrinted,
} from "../../../src/playground/exercise/check-helpers.ts";
import type { CheckResult, RunResult } from "../../../src/playground/exercise/check-types.ts";

export default function check(run: RunResult): CheckResult {
  const inbox = printedLines(run).find((l) => l.text.startsWith("inbox of"));
  return (
    requireFinished(run) ??
    requireNotPrinted(run, "inbox of nobody") ??
    requirePrinted(run, ["logged in as ada", "inbox of ada"]) ??
    (inbox && inbox.task !== "Task-2"
      ? fail(`"inbox of ada" came from ${inbox.task ?? "no task"}: run both on one runner`)
      : null) ??
    pass("one runner, one loop, one context: the second call still knows it is ada")
  );
}
