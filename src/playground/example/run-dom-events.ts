/**
 * The widget's runs as DOM events, for scripts outside it (tests, the bench, a page's own
 * code): `example-run-start` when a run starts, `example-run-end` with the `RunResult` as
 * `detail` when it ends (also when it never started: `compiled` is then false). Both bubble.
 */
import type { RunListener, RunOutcome, RunResult } from "./run-listener.ts";

export class RunDomEvents implements RunListener {
  readonly #el: HTMLElement;

  constructor(el: HTMLElement) {
    this.#el = el;
  }

  reset(): void {
    this.#el.dispatchEvent(new CustomEvent("example-run-start", { bubbles: true }));
  }

  events(): void {}

  finish(run: RunOutcome): void {
    const { status, t, lines, events, speed, compiled } = run;
    const detail: RunResult = { status, t, lines, events, speed, compiled };
    this.#el.dispatchEvent(
      new CustomEvent<RunResult>("example-run-end", { bubbles: true, detail }),
    );
  }
}
