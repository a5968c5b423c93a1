/** Runs an exercise's check on a finished run and words the outcome for the status line. Pure. */
import { t } from "../strings.ts";
import type { Check, RunResult } from "./check-types.ts";

export type CheckVerdict =
  | { state: "passed" | "failed"; reason: string }
  /** Not judged: the reader stopped the run, or the check itself threw. */
  | { state: "skipped" | "error"; reason: string };

/** Never throws: a stopped run is not judged, and a broken check reports itself. */
export function runCheck(check: Check, run: RunResult): CheckVerdict {
  if (run.status === "stopped") return { state: "skipped", reason: t("check.stopped") };
  try {
    const result = check(run);
    return { state: result.pass ? "passed" : "failed", reason: result.reason };
  } catch (error) {
    return { state: "error", reason: t("check.threw", { error: String(error) }) };
  }
}

/** The sentence the exercise shows: "Check passed: …", "Check failed: …", … */
export function checkMessage(v: CheckVerdict): string {
  return `${t(`check.${v.state}`)}: ${v.reason}.`.replace(/\.\.$/, ".");
}
