/**
 * The editor's part in a Run: compiling the reader's code (esbuild-wasm, warmed by `lazy.ts`),
 * checking its types (the open editor's language service), marking what it finds, and mapping
 * and marking runtime errors in the reader's code. Errors are values (`ReaderError`): the widget
 * prints their text, this class marks where they point.
 */
import type { CompileResult, Diagnostic } from "./compile-core.ts";
import { markPlainLine, type WidgetParts } from "./edit-view.ts";
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
 * How long Run waits for a type check still under way, from the moment Run is pressed: not at
 * all. A Run after an edit has 150 ms to its first line, and the check of a fresh edit can take
 * longer than that on a busy machine; the errors go to the top of the output whenever they are
 * found (`RunListener.typeErrors`), so waiting would only delay the run. A check that is done
 * (the reader paused before Run) is reported with the run's start.
 */
export const TYPE_CHECK_WAIT_MS = 0;

/** `promise`'s value if it settles within `ms`, else `late`. */
function within<T>(promise: Promise<T>, ms: number, late: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(late), Math.max(0, ms));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const LATE = Symbol("late");

/** True when `promise` has already settled: raced with a resolved promise, it comes first. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  const pending = Symbol("pending");
  try {
    return (await Promise.race([promise, Promise.resolve(pending)])) !== pending;
  } catch {
    return true;
  }
}

/** One compile of the reader's code and its type check, started at Run or while they type. */
interface Preparation {
  source: string;
  compiled: Promise<CompileResult>;
  /** Started at Run, or when the reader pauses: not at every keystroke. */
  typed: Promise<readonly ReaderError[]> | null;
  /** Whether `typed` asked a running language service (else it found nothing, and is redone). */
  checked: boolean;
}

export class RunPreparation {
  readonly #root: HTMLElement;
  readonly #slot: EditorSlot;
  readonly #original: string;
  readonly #code: () => string;
  readonly #parts: WidgetParts;
  /** The runtime error of the last run, marked when the editor opens. */
  #runtimeError: Diagnostic | null = null;
  /** The latest preparation: Run uses it when the code has not changed since it started. */
  #latest: Preparation | null = null;
  /** A compile started while the reader types is running; `#again`: the code changed since. */
  #busy = false;
  #again = false;
  /** The compiled code of the last Run, for mapping positions in its errors. */
  #ran: string | null = null;
  /** The type check whose first error the widget's `data-type-error-line` shows. */
  #marking: Promise<readonly ReaderError[]> | null = null;

  constructor(options: {
    root: HTMLElement;
    slot: EditorSlot;
    original: string;
    code: () => string;
    parts: WidgetParts;
  }) {
    this.#root = options.root;
    this.#slot = options.slot;
    this.#original = options.original;
    this.#code = options.code;
    this.#parts = options.parts;
  }

  /**
   * The reader changed the code (or the compiler became ready): once the compiler is ready,
   * compile it now, in esbuild's worker, so Run finds it compiled. One compile at a time; the
   * code typed meanwhile is compiled when it ends. Nothing is marked until Run.
   */
  codeChanged(): void {
    if (this.#root.dataset["compiler"] !== "ready") return;
    if (this.#busy) {
      this.#again = true;
      return;
    }
    const source = this.#code();
    if (source === this.#original || this.#latest?.source === source) return;
    this.#busy = true;
    let preparation: Preparation | null = null;
    const done = () => {
      this.#busy = false;
      if (this.#again) {
        this.#again = false;
        this.codeChanged();
      } else if (preparation && this.#latest === preparation) {
        this.#typesOf(preparation); // the reader paused: check the types too
      }
    };
    startCompiler().then((compiler) => {
      preparation = this.#prepare(compiler, source);
      preparation.compiled.then(done, done);
    }, done);
  }

  #prepare(compiler: Awaited<ReturnType<typeof startCompiler>>, source: string): Preparation {
    const compiled = compiler.compile(source);
    const preparation: Preparation = { source, compiled, typed: null, checked: false };
    this.#latest = preparation;
    return preparation;
  }

  #typesOf(preparation: Preparation): Promise<readonly ReaderError[]> {
    const serviceReady = this.#root.dataset["languageService"] === "ready";
    if (!preparation.typed || (serviceReady && !preparation.checked)) {
      preparation.typed = this.#typeErrors();
      preparation.checked = serviceReady;
    }
    return preparation.typed;
  }

  /** What Run should run; says each step through `onStatus` as it starts. */
  async prepareRun(onStatus?: (s: PrepareStatus) => void): Promise<RunPlan> {
    const source = this.#code();
    if (source === this.#original) return { kind: "original" };
    const started = performance.now();
    // Compiled while the reader typed, or Run pressed again: no need to compile again.
    let preparation = this.#latest?.source === source ? this.#latest : null;
    if (!preparation) {
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
      preparation = this.#prepare(compiler, source);
    }
    const typed = this.#typesOf(preparation);
    if (!(await settled(preparation.compiled))) onStatus?.("compiling");
    performance.mark("editor:compile-start");
    const result = await preparation.compiled;
    // For the bench and the browser's performance panel: how long Run waited for the compile.
    performance.measure("editor:compile", "editor:compile-start");
    if (!result.ok) return this.#compileFailed(result.diagnostics);
    this.#slot.editor?.setMarkers([], "compile");
    delete this.#root.dataset["compileErrorLine"];
    this.#ran = result.code;
    this.#markTypeErrors(typed);
    return this.#plan(result.code, typed, started, onStatus);
  }

  /** Runs `code` with the type errors the check finds by `started + TYPE_CHECK_WAIT_MS`. */
  async #plan(
    code: string,
    typed: Promise<readonly ReaderError[]>,
    started: number,
    onStatus?: (s: PrepareStatus) => void,
  ): Promise<RunPlan> {
    // Already settled (a check that was quick, or done while the reader typed): say nothing.
    const done = await Promise.race([typed, Promise.resolve(LATE)]);
    if (done !== LATE) return { kind: "compiled", code, typeErrors: done };
    const left = started + TYPE_CHECK_WAIT_MS - performance.now();
    if (left <= 0) return { kind: "compiled", code, typeErrors: [], lateTypeErrors: typed };
    onStatus?.("type-checking");
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
    if (!editor || this.#root.dataset["languageService"] !== "ready") return [];
    try {
      return (await editor.typeErrors()).map(readerError);
    } catch {
      return []; // a language service that fails does not stop a run
    }
  }

  /** Says on the widget where the first type error of the run's code is, once it is known. */
  #markTypeErrors(typed: Promise<readonly ReaderError[]>): void {
    delete this.#root.dataset["typeErrorLine"];
    this.#marking = typed;
    void typed.then((found) => {
      const line = found[0]?.where?.line;
      // A later Run's check replaces this one.
      if (line !== undefined && this.#marking === typed)
        this.#root.dataset["typeErrorLine"] = String(line);
    });
  }

  /** Maps a 1-based position in the last compiled code to the reader's code (null: not theirs). */
  mapCompiledPosition(line: number, column: number): Position | null {
    return this.#ran === null ? null : mapPosition(this.#ran, line, column);
  }

  /**
   * Marks a runtime error where it points in the reader's code: in the open editor, or else in
   * the plain view, and in the editor when the reader opens it. Loading the editor here would
   * put Monaco's evaluation (one task of 150–380 ms) inside the run, on the page's main thread.
   */
  markRuntimeError(error: ReaderError): void {
    const where = error.where;
    if (!where) return;
    this.#root.dataset["runtimeErrorLine"] = String(where.line);
    this.#runtimeError = {
      line: where.line,
      column: where.column,
      endColumn: where.column + 1,
      message: error.text,
      text: error.text,
    };
    const open = this.#slot.editor;
    if (open) this.editorOpened(open);
    else markPlainLine(this.#parts, where.line, error.text);
  }

  /** The editor opened (by Edit, or a click on the code): it shows the pending runtime mark. */
  editorOpened(editor: EditorHandle): void {
    const marker = this.#runtimeError;
    if (!marker) return;
    editor.setMarkers([marker], "runtime");
    editor.revealPosition(marker.line, marker.column);
  }

  clearRuntimeErrors(): void {
    delete this.#root.dataset["runtimeErrorLine"];
    this.#runtimeError = null;
    markPlainLine(this.#parts, null);
    this.#slot.editor?.setMarkers([], "runtime");
  }
}
