/**
 * The run's state on the widget, for styles and tests: `data-run-state` is the phase before
 * the first line (`loading-compiler`, `compiling`, `type-checking`, `starting`), `running`
 * once the run prints or traces, then how it ended (`finished`, `failed`, `stopped`, …).
 */
import type { RunListener, RunOutcome, RunPhase } from "./run-listener.ts";

export class RunStateAttributes implements RunListener {
  readonly #el: HTMLElement;

  constructor(el: HTMLElement) {
    this.#el = el;
  }

  reset(): void {
    this.#el.dataset.runState = "preparing";
  }

  phase(phase: RunPhase): void {
    this.#el.dataset.runState = phase;
  }

  events(): void {
    this.#el.dataset.runState = "running";
  }

  finish(run: RunOutcome): void {
    this.#el.dataset.runState = run.compiled ? run.status : `${run.status}-before-run`;
  }
}
