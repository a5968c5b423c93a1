/**
 * The editor's part in a Run: compiling the reader's code (esbuild-wasm, warmed by `lazy.ts`),
 * checking its types (the open editor's language service), marking what it finds, and mapping
 * and marking runtime errors in the reader's code. Errors are values (`ReaderError`): the widget
 * prints their text, this class marks where they point.
 */
import type { CompileResult, Diagnostic } from "./compile-core.ts";
import type { EditorSlot } from "./editor-slot.ts";
import { startCompiler } from "./lazy.ts";
import type { EditorHandle } from "./monaco-editor.ts";
import type { PrepareStatus, ReaderError, RunPlan } from "./run-plan.ts";
import { mapPosition, type Position } from "./source-map.ts";

/** A compile or type diagnostic as an error value. */
export function readerError(d: Diagnostic): ReaderError {
  return { text: d.text, where: { line: d.line, column: d.column } };
}

/**
 * How long Run waits for the type check, from the moment it starts (it runs beside the
 * compile): a Run after an edit has 150 ms to its first line, and the check of a fresh edit can
 * take longer than that on a busy machine. Errors found later are reported when they arrive.
 */
export const TYPE_CHECK_WAIT_MS = 50;

/** `promise`'s value if it settles within `ms`, else `late`. */
function within<T>(promise: Promise<T>, ms: number, late: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(late), Math.max(0, ms));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const LATE = Symbol("late");

export class RunPreparation {
  readonly #root: HTMLElement;
  readonly #slot: EditorSlot;
  readonly #original: string;
  readonly #code: () => string;
  readonly #open: () => Promise<EditorHandle>;
  /** The last successful compile: its source, its output and its type check. */
  #last: { source: string; code: string; typeErrors: Promise<readonly ReaderError[]> } | null =
    null;

  constructor(options: {
    root: HTMLElement;
    slot: EditorSlot;
    original: string;
    code: () => string;
    open: () => Promise<EditorHandle>;
  }) {
    this.#root = options.root;
    this.#slot = options.slot;
    this.#original = options.original;
    this.#code = options.code;
    this.#open = options.open;
  }

  /** What Run should run; says each step through `onStatus` as it starts. */
  async prepareRun(onStatus?: (s: PrepareStatus) => void): Promise<RunPlan> {
    const source = this.#code();
    if (source === this.#original) return { kind: "original" };
    // Unchanged since the last compile (Run pressed again): no need to compile again.
    if (this.#last?.source === source)
      return this.#plan(this.#last.code, this.#last.typeErrors, performance.now());
    if (this.#root.dataset["compiler"] !== "ready") onStatus?.("loading-compiler");
    let compiler: Awaited<ReturnType<typeof startCompiler>>;
    try {
      compiler = await startCompiler();
      this.#root.dataset["compiler"] = "ready";
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      const text = `The compiler could not be loaded (${why}). Reload the page to try again.`;
      return { kind: "compile-error", errors: [{ text, where: null }] };
    }
    onStatus?.("compiling");
    const started = performance.now();
    performance.mark("editor:compile-start");
    const compiled: Promise<CompileResult> = compiler.compile(source);
    const typed = this.#typeErrors();
    const result = await compiled;
    // For the bench and the browser's performance panel.
    performance.measure("editor:compile", "editor:compile-start");
    if (!result.ok) return this.#compileFailed(result.diagnostics);
    this.#slot.editor?.setMarkers([], "compile");
    delete this.#root.dataset["compileErrorLine"];
    this.#last = { source, code: result.code, typeErrors: typed };
    return this.#plan(result.code, typed, started, onStatus);
  }

  /** Runs `code` with the type errors the check finds by `started + TYPE_CHECK_WAIT_MS`. */
  async #plan(
    code: string,
    typed: Promise<readonly ReaderError[]>,
    started: number,
    onStatus?: (s: PrepareStatus) => void,
  ): Promise<RunPlan> {
    const left = started + TYPE_CHECK_WAIT_MS - performance.now();
    // Already settled (a check that was quick, or Run pressed again): no need to say so.
    const done = await Promise.race([typed, Promise.resolve(LATE)]);
    if (done !== LATE) return { kind: "compiled", code, typeErrors: done };
    if (left > 0) onStatus?.("type-checking");
    const inTime = await within<readonly ReaderError[] | typeof LATE>(typed, left, LATE);
    if (inTime !== LATE) return { kind: "compiled", code, typeErrors: inTime };
    return { kind: "compiled", code, typeErrors: [], lateTypeErrors: typed };
  }

  #compileFailed(diagnostics: readonly Diagnostic[]): RunPlan {
    const editor = this.#slot.editor;
    editor?.setMarkers(diagnostics, "compile");
    const first = diagnostics[0];
    if (first) {
      this.#root.dataset["compileErrorLine"] = String(first.line);
      editor?.revealPosition(first.line, first.column);
    }
    return { kind: "compile-error", errors: diagnostics.map(readerError) };
  }

  /**
   * The type errors the editor's language service sees (it underlines them itself), when it is
   * running; none when the editor is closed or its service is still starting: Run never waits
   * for the 7 MB TypeScript worker.
   */
  async #typeErrors(): Promise<readonly ReaderError[]> {
    const editor = this.#slot.editor;
    delete this.#root.dataset["typeErrorLine"];
    if (!editor || this.#root.dataset["languageService"] !== "ready") return [];
    try {
      const found = await editor.typeErrors();
      const first = found[0];
      if (first) this.#root.dataset["typeErrorLine"] = String(first.line);
      return found.map(readerError);
    } catch {
      return []; // a language service that fails does not stop a run
    }
  }

  /** Maps a 1-based position in the last compiled code to the reader's code (null: not theirs). */
  mapCompiledPosition(line: number, column: number): Position | null {
    return this.#last ? mapPosition(this.#last.code, line, column) : null;
  }

  /** Marks a runtime error where it points in the reader's code (opening the editor). */
  markRuntimeError(error: ReaderError): void {
    const where = error.where;
    if (!where) return;
    this.#root.dataset["runtimeErrorLine"] = String(where.line);
    const mark = (editor: EditorHandle) => {
      editor.setMarkers(
        [
          {
            line: where.line,
            column: where.column,
            endColumn: where.column + 1,
            message: error.text,
            text: error.text,
          },
        ],
        "runtime",
      );
      editor.revealPosition(where.line, where.column);
    };
    const open = this.#slot.editor;
    if (open) mark(open);
    else void this.#open().then(mark, () => {});
  }

  clearRuntimeErrors(): void {
    delete this.#root.dataset["runtimeErrorLine"];
    this.#slot.editor?.setMarkers([], "runtime");
  }
}
