/**
 * Where the Monaco editor goes: on Edit it says "Loading the editor…" in place at once, loads the
 * editor and the compiler in parallel (`lazy.ts`), then puts the editor in place of the
 * highlighted code at the same size, scroll position and cursor. It also holds the Expand
 * control (full width, most of the window's height; Escape returns), remembered per reader.
 */
import type { ExampleEditorOptions } from "./controller-types.ts";
import { ensureHint, measure, setNotice, type WidgetParts } from "./edit-view.ts";
import type { StorageLike } from "./edits-store.ts";
import { loadEditor, preloadCompiler } from "./lazy.ts";
import type { EditorHandle } from "./monaco-editor.ts";

/** Where the reader's choice to expand the editor is remembered. */
export const EXPANDED_KEY = "asyncio-live:editor-expanded";

export class EditorSlot {
  readonly #options: ExampleEditorOptions;
  readonly #parts: WidgetParts;
  #editor: EditorHandle | null = null;
  #opening: Promise<EditorHandle> | null = null;
  #expand: HTMLButtonElement | null = null;
  #expanded = false;
  /** The `asyncio` declarations, fetched from Edit (or its prewarm) on. */
  #dts: Promise<string> | null = null;

  readonly #onCompilerReady: () => void;

  /** `onCompilerReady`: the compiler this slot warmed is ready (code typed before can compile). */
  constructor(options: ExampleEditorOptions, parts: WidgetParts, onCompilerReady = () => {}) {
    this.#options = options;
    this.#parts = parts;
    this.#onCompilerReady = onCompilerReady;
  }

  /** The open editor, or null before Edit. */
  get editor(): EditorHandle | null {
    return this.#editor;
  }

  get expanded(): boolean {
    return this.#expanded;
  }

  /** The Python side: Monaco's Python mode, no compiler, no declarations, no Expand. */
  get #python(): boolean {
    return this.#parts.language === "python";
  }

  /** `data-editing` on the widget for the TypeScript side, `data-py-editing` for the Python. */
  get #editingKey(): "editing" | "pyEditing" {
    return this.#python ? "pyEditing" : "editing";
  }

  /**
   * Starts loading what Edit needs (the editor, the compiler, the `asyncio` declarations)
   * before it is pressed: the pointer is on Edit, or the keyboard's focus. A reader heading for
   * Edit is about to ask for them; one who only reads the page never gets here.
   */
  prewarm(): void {
    if (this.#editor || this.#opening) return;
    loadEditor().catch(() => {}); // a failure shows, and is retried, when Edit is pressed
    if (this.#python) return;
    this.warmCompiler();
    this.#declarations();
  }

  #declarations(): Promise<string> {
    this.#dts ??= this.#options.asyncioDts().catch((error: unknown) => {
      this.#dts = null;
      throw error;
    });
    return this.#dts;
  }

  /**
   * Opens the editor on `code` (loading Monaco), or focuses it when it is already open.
   * `onChange` hears every change of the code.
   */
  open(
    code: () => string,
    onChange: (code: string) => void,
    cursorOffset?: number,
    focus = true,
  ): Promise<EditorHandle> {
    if (this.#editor) {
      if (focus) this.#editor.focus();
      return Promise.resolve(this.#editor);
    }
    this.#opening ??= this.#load(code, onChange, cursorOffset, focus).finally(() => {
      this.#opening = null;
    });
    return this.#opening;
  }

  async #load(
    code: () => string,
    onChange: (code: string) => void,
    cursorOffset: number | undefined,
    focus: boolean,
  ): Promise<EditorHandle> {
    const { root } = this.#options;
    const parts = this.#parts;
    const visible = parts.host.hidden ? parts.tsCode : parts.host;
    root.dataset[this.#editingKey] = "loading";
    parts.edit?.setAttribute("aria-busy", "true");
    const loading = this.#sayLoading(visible);
    // All at once: the reader who edits will run, and the compiler is the larger download;
    // the declarations are wanted as soon as the editor shows.
    if (!this.#python) {
      this.warmCompiler();
      this.#declarations().catch(() => {}); // the language service says so if they fail
    }
    try {
      const monaco = await loadEditor();
      const m = measure(visible);
      parts.tsCode.hidden = true;
      parts.host.hidden = false;
      const hintId = ensureHint(parts, this.#options.id);
      const language = this.#python ? "Python" : "TypeScript";
      const editor = monaco.openEditor({
        host: parts.host,
        id: this.#options.id,
        language: parts.language,
        code: code(),
        dts: () => this.#declarations(),
        font: m.font,
        minHeight: m.height,
        maxHeight: Math.max(m.height, window.innerHeight * 0.8),
        scrollTop: m.scrollTop,
        scrollLeft: m.scrollLeft,
        ...(cursorOffset !== undefined ? { cursorOffset } : {}),
        ariaLabel: `${language} code of example ${this.#options.id}, editable`,
        describedBy: hintId,
        onChange,
        onRun: this.#options.requestRun,
        onEscape: () => {
          if (this.#expanded) this.setExpanded(false);
          else (parts.edit ?? parts.host).focus();
        },
      });
      this.#editor = editor;
      root.dataset[this.#editingKey] = "open";
      if (this.#python) {
        if (focus) editor.focus();
        return editor;
      }
      editor.languageReady.then(
        () => {
          root.dataset["languageService"] = "ready";
        },
        () => {},
      );
      parts.edit?.setAttribute("aria-pressed", "true");
      this.#addExpandControl();
      if (this.#remembered()) this.setExpanded(true);
      if (focus) editor.focus();
      return editor;
    } catch (error) {
      delete root.dataset[this.#editingKey];
      setNotice(parts, "The editor could not be loaded. Reload the page to try again.");
      throw error;
    } finally {
      loading.remove();
      parts.edit?.removeAttribute("aria-busy");
    }
  }

  /** "Loading the editor…" over the code, at once, until the editor takes its place. */
  #sayLoading(over: HTMLElement): HTMLElement {
    const note = document.createElement("p");
    note.className = "editor-loading";
    note.dataset[this.#python ? "pyEditorLoading" : "editorLoading"] = "";
    note.setAttribute("role", "status");
    note.textContent = "Loading the editor…";
    over.insertAdjacentElement("beforebegin", note);
    return note;
  }

  /**
   * Starts loading and compiling the compiler (esbuild's WebAssembly) for a Run of an edit, so
   * its compile (1-2.5 s of CPU) is done before the run rather than competing with it.
   */
  warmCompiler(): void {
    const { root } = this.#options;
    if (root.dataset["compiler"]) return;
    root.dataset["compiler"] = "loading";
    // Ready by the time the reader presses Run; a failure shows when they do.
    preloadCompiler(this.#options.original).then(
      () => {
        root.dataset["compiler"] = "ready";
        this.#onCompilerReady();
      },
      () => {
        delete root.dataset["compiler"];
      },
    );
  }

  #addExpandControl(): void {
    if (this.#expand) return;
    const b = document.createElement("button");
    b.type = "button";
    b.className = "ctl editor-expand";
    b.dataset["action"] = "expand";
    b.setAttribute("aria-pressed", "false");
    b.setAttribute("aria-keyshortcuts", "Escape");
    b.textContent = "Expand";
    b.addEventListener("click", () => {
      this.setExpanded(!this.#expanded);
      this.#editor?.focus();
    });
    this.#parts.host.insertAdjacentElement("beforebegin", b);
    this.#expand = b;
  }

  /** Expanded: the example takes the page's width and the editor most of the window's height. */
  setExpanded(on: boolean): void {
    this.#expanded = on;
    const { root } = this.#options;
    if (on) root.dataset["expanded"] = "";
    else delete root.dataset["expanded"];
    this.#expand?.setAttribute("aria-pressed", String(on));
    if (this.#expand) this.#expand.textContent = on ? "Collapse" : "Expand";
    this.#editor?.setExpanded(on);
    this.#remember(on);
    if (on) root.scrollIntoView({ block: "start" });
  }

  #storage(): StorageLike | null {
    try {
      return this.#options.storage ?? globalThis.localStorage ?? null;
    } catch {
      return null;
    }
  }

  #remembered(): boolean {
    try {
      return this.#storage()?.getItem(EXPANDED_KEY) === "1";
    } catch {
      return false;
    }
  }

  #remember(on: boolean): void {
    try {
      if (on) this.#storage()?.setItem(EXPANDED_KEY, "1");
      else this.#storage()?.removeItem(EXPANDED_KEY);
    } catch {
      // A preference that cannot be kept is only forgotten.
    }
  }

  dispose(): void {
    this.#editor?.dispose();
    this.#editor = null;
    this.#expand?.remove();
    this.#expand = null;
  }
}
