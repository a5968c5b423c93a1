/**
 * The "Same as Python?" line under the output: empty while a run goes, then the verdict of
 * `verdict.ts` for a run that ended on its own. Times alone within the run's tolerance read
 * as the same, with the drift said (`timing drift ±35 ms`). It compares with the Python
 * version the panel shows; where that version printed something else than the one the runtime
 * follows (3.11), a difference says so rather than blame the run.
 */
import { type ParsedLine, parseTranscript } from "../../runtime/asyncio/transcript.ts";
import { t } from "../strings.ts";
import { compareTranscripts, runTolerance } from "../verdict.ts";
import type { RunListener, RunOutcome } from "./run-listener.ts";
import type { VersionJudge } from "./version-judge.ts";

export type VerdictKind = "same" | "differs" | "none" | "";

/** "Same as Python ✓", with the timing drift when there was one. */
export function sameText(drift: number): string {
  const ms = Math.round(drift * 1000);
  return ms > 0 ? t("verdict.same-drift", { ms }) : t("verdict.same");
}

export class VerdictView implements RunListener {
  readonly #el: HTMLElement;
  readonly #expected: ParsedLine[];
  readonly #versions: () => Promise<VersionJudge> | null;
  /** Counts resets, so a verdict that arrives after the next run began is dropped. */
  #runs = 0;

  /**
   * `pythonOut`: the transcript of the version the runtime follows (empty: nothing to compare,
   * the line stays empty); `versions`: the judge of the version the panel shows, loaded when
   * asked, or null when that version printed `pythonOut`.
   */
  constructor(
    el: HTMLElement,
    pythonOut: string,
    versions: () => Promise<VersionJudge> | null = () => null,
  ) {
    this.#el = el;
    this.#expected = parseTranscript(pythonOut);
    this.#versions = versions;
  }

  reset(): void {
    this.#runs++;
    this.#show("", "");
  }

  events(): void {}

  finish(run: RunOutcome): void {
    if (this.#expected.length === 0 || !run.compiled) return;
    if (run.status !== "finished" && run.status !== "failed") {
      this.#show(t("verdict.not-compared"), "none");
      return;
    }
    const tolerance = runTolerance(run.speed, run.events);
    const judge = this.#versions();
    if (judge) {
      const runs = this.#runs;
      void judge.then((j) => {
        const judged = j.judge(this.#expected, run.lines, tolerance);
        if (judged && runs === this.#runs) this.#show(judged.text, judged.kind);
      });
      return;
    }
    const v = compareTranscripts(this.#expected, run.lines, tolerance);
    if (v.same) {
      this.#show(sameText(v.drift), "same");
      return;
    }
    const nothing = t("verdict.nothing-more");
    this.#show(
      t("verdict.differs", {
        line: v.line,
        expected: v.expected ?? nothing,
        actual: v.actual ?? nothing,
      }),
      "differs",
    );
  }

  #show(text: string, kind: VerdictKind): void {
    this.#el.textContent = text;
    this.#el.dataset.kind = kind;
  }
}
