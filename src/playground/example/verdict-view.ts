/**
 * The "Same as Python?" line under the output: empty while a run goes, then the verdict of
 * `verdict.ts` for a run that ended on its own. Times alone within the run's tolerance read
 * as the same, with the drift said (`timing drift ±35 ms`). It compares with the recording of
 * the Python version the run followed (the runtime follows the version the reader chose);
 * a version whose changes the runtime was not checked against says so when the run differs.
 */
import { CHECKED_VERSIONS } from "../../runtime/asyncio/python-version.ts";
import { type ParsedLine, parseTranscript } from "../../runtime/asyncio/transcript.ts";
import { t } from "../strings.ts";
import { compareTranscripts, runTolerance } from "../verdict.ts";
import type { RunListener, RunOutcome } from "./run-listener.ts";
import type { VersionJudge } from "./version-judge.ts";

export type VerdictKind = "same" | "differs" | "none" | "";

/**
 * For a run that differs: a note when the version it followed is newer than those the runtime's
 * version table was checked against (empty otherwise).
 * @example
 * uncheckedNote("3.14"); // "The TypeScript runtime follows the changes of Python 3.13 and earlier; …"
 */
export function uncheckedNote(version: string | undefined): string {
  if (version === undefined || CHECKED_VERSIONS.some((v) => v === version)) return "";
  const checked = CHECKED_VERSIONS.at(-1) ?? "";
  return ` ${t("verdict.runtime-unchecked", { checked, version })}`;
}

/** "Same as Python ✓", with the timing drift when there was one. */
export function sameText(drift: number): string {
  const ms = Math.round(drift * 1000);
  return ms > 0 ? t("verdict.same-drift", { ms }) : t("verdict.same");
}

export class VerdictView implements RunListener {
  readonly #el: HTMLElement;
  readonly #expected: ParsedLine[];
  readonly #versions: (version: string) => Promise<VersionJudge> | null;
  readonly #shown: () => string | undefined;
  /** Counts resets, so a verdict that arrives after the next run began is dropped. */
  #runs = 0;

  /**
   * `pythonOut`: python.out, 3.11's transcript (empty: nothing to compare, the line stays
   * empty); `versions(v)`: the judge against version `v`'s recording, loaded when asked, or
   * null when `v` printed `pythonOut` (or is not recorded); `shown()`: the version the panel
   * shows, which a run of Python itself (Pyodide, no version followed) is compared with.
   */
  constructor(
    el: HTMLElement,
    pythonOut: string,
    versions: (version: string) => Promise<VersionJudge> | null = () => null,
    shown: () => string | undefined = () => undefined,
  ) {
    this.#el = el;
    this.#expected = parseTranscript(pythonOut);
    this.#versions = versions;
    this.#shown = shown;
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
    const version = run.python ?? this.#shown();
    const judge = version === undefined ? null : this.#versions(version);
    if (judge) {
      const runs = this.#runs;
      void judge.then((j) => {
        const judged = j.judge(run.lines, tolerance, run.python);
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
    const differs = t("verdict.differs", {
      line: v.line,
      expected: v.expected ?? nothing,
      actual: v.actual ?? nothing,
    });
    const note = uncheckedNote(run.python);
    this.#show(note ? `${differs}.${note}` : differs, "differs");
  }

  #show(text: string, kind: VerdictKind): void {
    this.#el.textContent = text;
    this.#el.dataset.kind = kind;
  }
}
