/**
 * An exercise's check as a listener of its example's runs: it says "Running…" when a run
 * starts and, when the run ends, loads the exercise's `check.ts` (one lazy chunk per exercise)
 * and shows its verdict. In an exercise this takes the place of the "Same as Python" verdict:
 * a reader's solution is not meant to print what the broken starting program printed.
 */
import type { RunListener, RunOutcome } from "../example/run-listener.ts";
import { t } from "../strings.ts";
import type { CheckModule } from "./check-types.ts";
import { checkMessage, runCheck } from "./run-check.ts";

export type CheckState = "idle" | "pending" | "passed" | "failed" | "skipped" | "error";

export class CheckListener implements RunListener {
  readonly #el: HTMLElement;
  readonly #id: string;
  readonly #load: (() => Promise<CheckModule>) | null;
  #runs = 0;

  /** `load`: imports the exercise's check module (null: the exercise has none). */
  constructor(el: HTMLElement, id: string, load: (() => Promise<CheckModule>) | null) {
    this.#el = el;
    this.#id = id;
    this.#load = load;
  }

  reset(): void {
    this.#runs += 1;
    this.#show("pending", t("check.pending"));
  }

  events(): void {}

  finish(run: RunOutcome): void {
    const mine = this.#runs;
    if (!run.compiled) {
      const stopped = run.status === "stopped";
      const reason = t("check.stopped");
      this.#show(
        "skipped",
        stopped ? checkMessage({ state: "skipped", reason }) : t("check.not-compiled"),
      );
      return;
    }
    if (!this.#load) {
      this.#show("error", t("check.missing", { id: this.#id }));
      return;
    }
    this.#load().then(
      (mod) => {
        if (mine !== this.#runs) return; // a newer run started meanwhile; its own end will report
        const verdict = runCheck(mod.default, run);
        this.#show(verdict.state, checkMessage(verdict));
      },
      () => {
        if (mine === this.#runs) this.#show("error", t("check.unloadable"));
      },
    );
  }

  #show(state: CheckState, text: string): void {
    this.#el.dataset.state = state;
    this.#el.textContent = text;
  }
}
