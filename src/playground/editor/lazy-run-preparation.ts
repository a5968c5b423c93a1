/**
 * Run's preparation (`run-preparation.ts`: compiling an edit, its type check, marking errors),
 * loaded when first needed rather than with the page: a Run of the unedited example needs none
 * of it, and it was some 1 KB of the JavaScript every chapter read before the reader did
 * anything. It loads once the code differs from the original, the editor opens, or a run's error
 * is to be marked.
 */

import type { EditorHandle } from "./monaco-editor.ts";
import type { PrepareStatus, ReaderError, RunPlan } from "./run-plan.ts";
import type { RunPreparation } from "./run-preparation.ts";
import type { Position } from "./source-map.ts";

type Options = ConstructorParameters<typeof RunPreparation>[0];

export class LazyRunPreparation {
  readonly #options: Options;
  #loaded: RunPreparation | null = null;
  #loading: Promise<RunPreparation> | null = null;
  /** Counts clears: an error marked while the module loads is dropped if a clear came since. */
  #clears = 0;

  constructor(options: Options) {
    this.#options = options;
  }

  #load(): Promise<RunPreparation> {
    this.#loading ??= import("./run-preparation.ts").then((m) => {
      this.#loaded = new m.RunPreparation(this.#options);
      return this.#loaded;
    });
    return this.#loading;
  }

  codeChanged(): void {
    if (this.#loaded) this.#loaded.codeChanged();
    else if (this.#options.code() !== this.#options.original)
      void this.#load().then((p) => p.codeChanged());
  }

  async prepareRun(onStatus?: (s: PrepareStatus) => void): Promise<RunPlan> {
    // The unedited example runs its precompiled program: nothing to load for it.
    if (!this.#loaded && this.#options.code() === this.#options.original)
      return { kind: "original" };
    return (await this.#load()).prepareRun(onStatus);
  }

  /** Null until a compiled edit ran: positions then map through the loaded preparation. */
  mapCompiledPosition(line: number, column: number): Position | null {
    return this.#loaded?.mapCompiledPosition(line, column) ?? null;
  }

  markRuntimeError(error: ReaderError): void {
    if (this.#loaded) {
      this.#loaded.markRuntimeError(error);
      return;
    }
    const clears = this.#clears;
    void this.#load().then((p) => {
      if (clears === this.#clears) p.markRuntimeError(error);
    });
  }

  editorOpened(editor: EditorHandle): void {
    void this.#load().then((p) => p.editorOpened(editor));
  }

  clearRuntimeErrors(): void {
    this.#clears += 1;
    this.#loaded?.clearRuntimeErrors();
  }
}
