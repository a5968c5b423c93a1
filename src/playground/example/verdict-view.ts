/**
 * The "Same as Python?" line under the output: empty while a run goes, then the verdict of
 * `verdict.ts` for a run that ended on its own. Times alone within the run's tolerance read
 * as the same, with the drift said (`timing drift ±35 ms`).
 */
import { parseTranscript } from "../../runtime/asyncio/transcript.ts";
import { t } from "../strings.ts";
import { compareTranscripts, runTolerance } from "../verdict.ts";
import type { RunListener, RunOutcome } from "./run-listener.ts";

export type VerdictKind = "same" | "differs" | "none" | "";

export class VerdictView implements RunListener {
  readonly #el: HTMLElement;
  readonly #expected;

  /** `pythonOut`: CPython's recorded transcript (empty: nothing to compare, the line stays empty). */
  constructor(el: HTMLElement, pythonOut: string) {
    this.#el = el;
    this.#expected = parseTranscript(pythonOut);
  }

  reset(): void {
    this.#show("", "");
  }

  events(): void {}

  finish(run: RunOutcome): void {
    if (this.#expected.length === 0 || !run.compiled) return;
    if (run.status !== "finished" && run.status !== "failed") {
      this.#show(t("verdict.not-compared"), "none");
      return;
    }
    const v = compareTranscripts(this.#expected, run.lines, runTolerance(run.speed, run.events));
    if (v.same) {
      const ms = Math.round(v.drift * 1000);
      this.#show(ms > 0 ? t("verdict.same-drift", { ms }) : t("verdict.same"), "same");
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
