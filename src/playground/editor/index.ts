/**
 * The editor controller of one example widget: Edit, saved edits, Reset with undo, Share,
 * opening share links, and compiling edited code for Run. Always loaded with the widget, so
 * it stays small: Monaco (`monaco-editor.ts`) and esbuild-wasm (`compiler.ts`) are loaded
 * with `import()` only when the reader edits.
 *
 * DOM contract, inside `section[data-example="<id>"]` (rendered by the widget):
 * - `[data-ts-code]` the highlighted TypeScript (click or Enter edits it);
 * - `[data-editor-host]` an empty, `hidden` element where the editor (or a plain view of an
 *   edit) goes; a `p[data-editor-hint]` is added after it;
 * - `button[data-action="edit"|"reset"|"share"]` (the controller handles their clicks);
 * - `[data-edit-marks]` gets the mark text ("edited", …); the section gets
 *   `data-edit-state="original|edited|older-version|shared|conflict"` and
 *   `data-editing="loading|open"`;
 * - `[data-notice]` (role="status") gets a `span[data-edit-notice]` for this controller's
 *   messages and buttons (`data-action="undo-reset"|"use-shared"|"keep-mine"`);
 * - the section gets `data-compile-error-line` / `data-runtime-error-line` (1-based line of the
 *   first error in the reader's code) while such an error is shown, and
 *   `data-compiler="loading|ready"`, `data-language-service="ready"`, for styles, tests and
 *   the bench.
 */
import type { CompileResult, Diagnostic } from "./compile-core.ts";
import {
  type EditState,
  type InitialView,
  initialView,
  MARK_TEXT,
  stateAfterChange,
} from "./edit-state.ts";
import {
  clickOffset,
  copyShareLink,
  ensureHint,
  findParts,
  measure,
  setNotice,
  showOriginal,
  showPlain,
  type WidgetParts,
} from "./edit-view.ts";
import { createEditsStore, type EditsStore, hashText, type StorageLike } from "./edits-store.ts";
import { loadCompiler, loadEditor, preloadCompiler } from "./lazy.ts";
import type { EditorHandle } from "./monaco-editor.ts";
import {
  decodeShareHash,
  type ShareDecodeResult,
  ShareTooLargeError,
  shareUrl,
} from "./share-link.ts";
import { mapPosition, type Position } from "./source-map.ts";

export type { Diagnostic, EditState, Position };
export { mapPosition };

export interface ExampleEditorOptions {
  /** The widget: `section[data-example]`. */
  root: HTMLElement;
  id: string;
  /** The example's TypeScript source as the site ships it. */
  original: string;
  /** A fingerprint of `original` (any stable hash); default `hashText(original)`. */
  originalHash?: string;
  /** Loads the `asyncio` declarations (text of the generated `.d.ts`). */
  asyncioDts: () => Promise<string>;
  /** Ctrl/Cmd+Enter in the editor: the widget should act as if Run were pressed. */
  requestRun: () => void;
  /** Storage for edits; default `localStorage`. */
  storage?: StorageLike | null;
  /** Milliseconds the Undo of a Reset stays offered. Default 8000. */
  undoMs?: number;
}

/** What Run should run. */
export type RunPlan =
  /** The code is the original: run the precompiled module as usual (no compiler needed). */
  | { kind: "original" }
  | { kind: "compiled"; code: string }
  /** Show `message` (`main.ts:3:7: error: …`, one line per error) instead of running. */
  | { kind: "compile-error"; message: string; diagnostics: Diagnostic[] };

export interface ExampleEditor {
  readonly state: EditState | "conflict";
  /** The code the reader sees now. */
  code(): string;
  /** Opens the editor (loading Monaco); focuses it when it is already open. */
  open(cursorOffset?: number): Promise<void>;
  /** Compiles the edited code for Run (loading esbuild-wasm if needed). */
  prepareRun(): Promise<RunPlan>;
  /** Maps a 1-based position in the last compiled code to the reader's code (null: not theirs). */
  mapCompiledPosition(line: number, column: number): Position | null;
  /** Marks a runtime error at a 1-based position of the reader's code, and shows it. */
  markRuntimeError(position: Position, message: string): void;
  /** Clears runtime error marks (call when a new run starts). */
  clearRuntimeErrors(): void;
  reset(): void;
  share(): Promise<void>;
  /** Saves now (the controller also saves as the reader types, and on pagehide). */
  flush(): void;
  dispose(): void;
}

export { preloadCompiler };

const SAVE_DELAY_MS = 400;

/** What the reader's own saved code is, behind whatever the view shows. */
function ownStateOf(v: InitialView): EditState {
  if (v.state === "conflict") return v.ownState;
  return v.state === "shared" ? "original" : v.state;
}

/** Attaches the editor controller to one example widget. */
export function attachExampleEditor(options: ExampleEditorOptions): ExampleEditor {
  const parts: WidgetParts = findParts(options.root);
  const { id, original } = options;
  const originalHash = options.originalHash ?? hashText(original);
  const store: EditsStore = createEditsStore(options.storage);
  let saved = store.load(id);
  const pageShare = decodeShareHash(location.hash);
  const view = initialView(id, original, saved, pageShare);

  let state: EditState | "conflict" = view.state;
  let code = view.code;
  // The reader's own state while a share-link question is open (see askAboutShared).
  let ownState = ownStateOf(view);
  let baseHash = baseFor(ownState);
  function baseFor(s: EditState): string {
    return s === "older-version" && saved ? saved.originalHash : originalHash;
  }
  let editor: EditorHandle | null = null;
  let opening: Promise<void> | null = null;
  let lastCompiled: string | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let undoTimer: ReturnType<typeof setTimeout> | undefined;
  let compilerRequested = false;
  const cleanups: (() => void)[] = [];

  const listen = <K extends keyof HTMLElementEventMap>(
    el: HTMLElement | null,
    type: K,
    fn: (e: HTMLElementEventMap[K]) => void,
  ) => {
    if (!el) return;
    el.addEventListener(type, fn);
    cleanups.push(() => el.removeEventListener(type, fn));
  };

  function render(): void {
    options.root.dataset["editState"] = state;
    if (parts.marks) parts.marks.textContent = state === "conflict" ? "" : MARK_TEXT[state];
    if (editor) return; // the editor shows the code itself
    if (code === original) showOriginal(parts);
    else
      showPlain(
        parts,
        code,
        state === "shared" ? "Shared TypeScript code" : "Your edited TypeScript code",
      );
  }

  function persist(): void {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    if (state === "original") store.clear(id);
    else if (state === "edited" || state === "older-version") {
      const r = store.save(id, code, baseHash);
      if (!r.ok && r.reason === "full")
        setNotice(parts, "Your edit could not be saved: this browser's storage is full.");
    }
  }

  function changed(next: string): void {
    if (next === code) return;
    code = next;
    lastCompiled = null;
    delete options.root.dataset["compileErrorLine"];
    if (state === "conflict") {
      // Typing in their own code answers the question: they keep it.
      state = ownState;
      setNotice(parts, "");
    }
    if (state === "shared") baseHash = originalHash;
    state = stateAfterChange(code, original, state);
    render();
    clearTimeout(saveTimer);
    saveTimer = setTimeout(persist, SAVE_DELAY_MS);
    if (!compilerRequested) {
      compilerRequested = true;
      // Ready by the time the reader presses Run; a failure shows when they do.
      options.root.dataset["compiler"] = "loading";
      preloadCompiler().then(
        () => {
          options.root.dataset["compiler"] = "ready";
        },
        () => {
          delete options.root.dataset["compiler"];
        },
      );
    }
  }

  async function open(cursorOffset?: number): Promise<void> {
    if (editor) {
      editor.focus();
      return;
    }
    opening ??= (async () => {
      const visible = parts.host.hidden ? parts.tsCode : parts.host;
      const m = measure(visible);
      options.root.dataset["editing"] = "loading";
      parts.edit?.setAttribute("aria-busy", "true");
      try {
        const { openEditor } = await loadEditor();
        parts.tsCode.hidden = true;
        parts.host.hidden = false;
        const hintId = ensureHint(parts, id);
        editor = openEditor({
          host: parts.host,
          id,
          code,
          colorsOf: m.colors,
          dts: options.asyncioDts,
          font: m.font,
          minHeight: m.height,
          maxHeight: Math.max(m.height, window.innerHeight * 0.8),
          scrollTop: m.scrollTop,
          scrollLeft: m.scrollLeft,
          ...(cursorOffset !== undefined ? { cursorOffset } : {}),
          ariaLabel: `TypeScript code of example ${id}, editable`,
          describedBy: hintId,
          onChange: changed,
          onRun: options.requestRun,
          onEscape: () => (parts.edit ?? parts.host).focus(),
        });
        options.root.dataset["editing"] = "open";
        editor.languageReady.then(
          () => {
            options.root.dataset["languageService"] = "ready";
          },
          () => {},
        );
        parts.edit?.setAttribute("aria-pressed", "true");
        editor.focus();
      } catch (error) {
        delete options.root.dataset["editing"];
        setNotice(parts, "The editor could not be loaded. Reload the page to try again.");
        throw error;
      } finally {
        parts.edit?.removeAttribute("aria-busy");
        opening = null;
      }
    })();
    return opening;
  }

  function offerUndo(previous: {
    code: string;
    state: EditState | "conflict";
    baseHash: string;
  }): void {
    clearTimeout(undoTimer);
    const undo = () => {
      clearTimeout(undoTimer);
      code = previous.code;
      state = previous.state;
      baseHash = previous.baseHash;
      lastCompiled = null;
      editor?.setValue(code);
      persist();
      render();
      setNotice(parts, "The edit is back.");
    };
    setNotice(parts, "Reset to the original.", [
      { label: "Undo", action: "undo-reset", run: undo },
    ]);
    undoTimer = setTimeout(() => setNotice(parts, ""), options.undoMs ?? 8000);
  }

  function reset(): void {
    if (code === original && state === "original") {
      setNotice(parts, "This example already shows its original code.");
      return;
    }
    const previous = { code, state, baseHash };
    // Set the state first: the editor's change event must not save the original as an edit.
    code = original;
    state = "original";
    baseHash = originalHash;
    lastCompiled = null;
    editor?.setValue(original);
    editor?.setMarkers([], "compile");
    editor?.setMarkers([], "runtime");
    // Shared code shown over a saved edit was never saved: Reset leaves that saved edit alone.
    if (previous.state === "edited" || previous.state === "older-version") persist();
    else clearTimeout(saveTimer);
    render();
    offerUndo(previous);
  }

  async function share(): Promise<void> {
    if (editor) code = editor.getValue();
    let url: string | { error: string };
    try {
      url = shareUrl(location.href, id, code);
    } catch (error) {
      url = {
        error: error instanceof ShareTooLargeError ? error.message : "This code cannot be shared.",
      };
    }
    await copyShareLink(parts, url);
  }

  /** Shows what a share link (or the page load) asks for; `v` comes from `initialView`. */
  function apply(v: InitialView): void {
    state = v.state;
    ownState = ownStateOf(v);
    baseHash = baseFor(ownState);
    code = v.code;
    lastCompiled = null;
    editor?.setValue(code);
    render();
    if (v.state === "conflict") askAboutShared(v.sharedCode, v.notice);
    else setNotice(parts, v.notice ?? "");
  }

  function onShareHash(s: ShareDecodeResult): void {
    const forThis = s.kind !== "none" && s.exampleId === id;
    if (!forThis) return;
    persist();
    saved = store.load(id);
    apply(initialView(id, original, saved, s));
    options.root.scrollIntoView({ block: "start" });
  }

  function askAboutShared(sharedCode: string, question: string): void {
    const use = () => {
      // Shown, not saved: the saved edit is replaced only if the reader edits the shared code.
      code = sharedCode;
      state = "shared";
      editor?.setValue(sharedCode);
      render();
      setNotice(
        parts,
        "Showing the shared code. It has not run. Editing it replaces your saved edit.",
      );
    };
    const keep = () => {
      state = ownState;
      render();
      setNotice(parts, "Kept your edit.");
    };
    setNotice(parts, question, [
      { label: "Show shared code", action: "use-shared", run: use },
      { label: "Keep my edit", action: "keep-mine", run: keep },
    ]);
  }

  // Wire the widget.
  if (!parts.tsCode.hasAttribute("tabindex")) parts.tsCode.tabIndex = 0;
  listen(parts.edit, "click", () => void open().catch(() => {}));
  listen(parts.reset, "click", reset);
  listen(parts.share, "click", () => void share());
  listen(parts.tsCode, "click", (e) => void open(clickOffset(parts.tsCode, e)).catch(() => {}));
  listen(parts.host, "click", (e) => {
    if (!editor && (e.target as Element).closest("[data-edited-code]")) void open().catch(() => {});
  });
  const onEnter = (e: KeyboardEvent) => {
    if (e.key === "Enter" && !e.ctrlKey && !e.metaKey && !editor) {
      e.preventDefault();
      void open().catch(() => {});
    }
  };
  listen(parts.tsCode, "keydown", onEnter);
  listen(parts.host, "keydown", onEnter);
  const onPageHide = () => {
    if (saveTimer !== undefined) persist();
  };
  window.addEventListener("pagehide", onPageHide);
  cleanups.push(() => window.removeEventListener("pagehide", onPageHide));

  const onHashChange = () => onShareHash(decodeShareHash(location.hash));
  window.addEventListener("hashchange", onHashChange);
  cleanups.push(() => window.removeEventListener("hashchange", onHashChange));

  render();
  if (view.state === "conflict") askAboutShared(view.sharedCode, view.notice);
  else if (view.notice) setNotice(parts, view.notice);
  if (pageShare.kind !== "none" && pageShare.exampleId === id) {
    options.root.scrollIntoView({ block: "start" });
  }

  return {
    get state() {
      return state;
    },
    code: () => code,
    open,
    async prepareRun() {
      if (editor) code = editor.getValue();
      if (code === original) return { kind: "original" };
      // Unchanged since the last compile (Run pressed again): no need to compile again.
      if (lastCompiled) return { kind: "compiled", code: lastCompiled };
      let result: CompileResult;
      try {
        const compiler = await loadCompiler();
        performance.mark("editor:compile-start");
        result = await compiler.compile(code);
        // For the bench and the browser's performance panel.
        performance.measure("editor:compile", "editor:compile-start");
        options.root.dataset["compiler"] = "ready";
      } catch (error) {
        const message = `The compiler could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
        return { kind: "compile-error", message, diagnostics: [] };
      }
      if (!result.ok) {
        editor?.setMarkers(result.diagnostics, "compile");
        const line = result.diagnostics[0]?.line;
        if (line !== undefined) options.root.dataset["compileErrorLine"] = String(line);
        const first = result.diagnostics[0];
        if (first && editor) editor.revealPosition(first.line, first.column);
        return { kind: "compile-error", message: result.message, diagnostics: result.diagnostics };
      }
      lastCompiled = result.code;
      editor?.setMarkers([], "compile");
      delete options.root.dataset["compileErrorLine"];
      return { kind: "compiled", code: result.code };
    },
    mapCompiledPosition: (line, column) =>
      lastCompiled ? mapPosition(lastCompiled, line, column) : null,
    markRuntimeError(position, message) {
      options.root.dataset["runtimeErrorLine"] = String(position.line);
      const mark = () => {
        editor?.setMarkers(
          [
            {
              line: position.line,
              column: position.column,
              endColumn: position.column + 1,
              message,
              text: message,
            },
          ],
          "runtime",
        );
        editor?.revealPosition(position.line, position.column);
      };
      if (editor) mark();
      else void open().then(mark, () => {});
    },
    clearRuntimeErrors() {
      delete options.root.dataset["runtimeErrorLine"];
      editor?.setMarkers([], "runtime");
    },
    reset,
    share,
    flush: persist,
    dispose() {
      persist();
      clearTimeout(undoTimer);
      for (const c of cleanups) c();
      editor?.dispose();
      editor = null;
    },
  };
}
