/**
 * Tells the output and the "CPython printed" panel which Python each Python run started on.
 * What shows it (`python-version-note.ts`) loads with the first such run: a page where nobody
 * presses Run Python carries none of it (the JavaScript a chapter loads up front has a budget).
 */
import type { PythonVersionNote } from "./python-version-note.ts";
import type { RunListener } from "./run-listener.ts";

export class PythonVersionListener implements RunListener {
  readonly #section: HTMLElement;
  #note: Promise<PythonVersionNote> | null = null;
  /** Counts runs, so a version that arrives once the next run began is not shown in its output. */
  #runs = 0;

  constructor(section: HTMLElement) {
    this.#section = section;
  }

  reset(): void {
    this.#runs++;
  }

  events(): void {}
  finish(): void {}

  pythonVersion(version: string): void {
    const run = this.#runs;
    this.#note ??= import("./python-version-note.ts").then(
      (m) => new m.PythonVersionNote(this.#section),
    );
    void this.#note.then((note) => {
      if (run === this.#runs) note.show(version);
    });
  }
}
