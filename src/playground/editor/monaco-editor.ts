/**
 * The editor chunk: `openEditor` turns a host element into a Monaco editor for one example.
 * `index.ts` loads this module with `import()` when the reader asks to edit, so a chapter page
 * downloads no Monaco bytes before that.
 *
 * The chunk holds the editor with its TypeScript language features; `prepareEditor` adds the
 * site's Shiki themes before the first editor shows, so the code does not recolour on Edit.
 * The language service's worker starts with the first editor, in parallel with the reader's
 * first keystrokes.
 */
import type { Diagnostic } from "./compile-core.ts";
import { watchEagerPromises } from "./eager-promise-fix.ts";
import { serviceReady, startLanguageService, typeErrorsOf } from "./language-service.ts";
import {
  followPageTheme,
  monaco,
  type PageTheme,
  pageTheme,
  themeName,
  useCodeThemes,
} from "./monaco-setup.ts";

export type { PageTheme };

export interface OpenEditorOptions {
  /** Element the editor fills (emptied first). */
  host: HTMLElement;
  /** Example id: names the model (`file:///examples/<id>/main.ts`, or `main.py`). */
  id: string;
  /**
   * TypeScript (with its language service: types, completions) or Python (Monaco's Monarch
   * grammar only: colours and brackets, no language server). Default TypeScript.
   */
  language?: "typescript" | "python";
  code: string;
  /** Initial theme; later changes of `<html data-theme>` are followed. Default: the page's. */
  theme?: PageTheme;
  /** The `asyncio` declarations, or a loader for them (called when idle). */
  dts: string | (() => Promise<string>);
  /** Font, line height and padding to copy, so text stays where it was. */
  font?: {
    family?: string;
    size?: number;
    lineHeight?: number;
    paddingTop?: number;
    paddingBottom?: number;
  };
  /** Height the editor keeps at least (the block's height); it grows with the code up to `maxHeight`. */
  minHeight?: number;
  maxHeight?: number;
  /** Scroll position inside the editor (px) and where to put the cursor (offset in `code`). */
  scrollTop?: number;
  scrollLeft?: number;
  cursorOffset?: number;
  /** Accessible name of the editor, and the id of an element that describes it. */
  ariaLabel?: string;
  describedBy?: string;
  onChange?: (code: string) => void;
  /** Ctrl/Cmd+Enter. */
  onRun?: () => void;
  /** Escape, when no editor popup (suggestions, find, …) is open. */
  onEscape?: () => void;
}

/** Everything the first editor needs before it shows (the site's themes); once per page. */
export function prepareEditor(): Promise<void> {
  return useCodeThemes();
}

/** Who set a marker: the compiler (syntax errors) or a run (runtime errors). */
export type MarkerOwner = "compile" | "runtime";

export interface EditorHandle {
  getValue(): string;
  /** Replaces the code as one undoable edit (the reader can Ctrl+Z it). */
  setValue(code: string): void;
  /** Shows `diagnostics` as error markers (replacing this owner's earlier ones); [] clears. */
  setMarkers(diagnostics: readonly Diagnostic[], owner?: MarkerOwner): void;
  /** Moves the cursor to a 1-based position and scrolls it into view. */
  revealPosition(line: number, column: number): void;
  focus(): void;
  hasFocus(): boolean;
  /** Resolves when the language service has started (types, completions, hovers). */
  languageReady: Promise<void>;
  /** The type errors in the code now, as the editor underlines them. */
  typeErrors(): Promise<Diagnostic[]>;
  /** Expanded: the editor may grow to most of the window's height. */
  setExpanded(expanded: boolean): void;
  dispose(): void;
}

const ESCAPE_WHEN =
  "!suggestWidgetVisible && !parameterHintsVisible && !findWidgetVisible && !renameInputVisible && !markersNavigationVisible && !inSnippetMode";

/** Numbers the page's editors, for each one's own context key (see `openEditor`). */
let editors = 0;

/** Creates the editor in `options.host` and returns a handle to it. */
export function openEditor(options: OpenEditorOptions): EditorHandle {
  const { host } = options;
  const python = options.language === "python";
  const unfollow = followPageTheme();
  // Before the model exists, so its first check already knows `asyncio`.
  const configured = python ? Promise.resolve() : startLanguageService(options.dts);

  const file = python ? "main.py" : "main.ts";
  const uri = monaco.Uri.parse(`file:///examples/${encodeURIComponent(options.id)}/${file}`);
  monaco.editor.getModel(uri)?.dispose();
  const model = monaco.editor.createModel(options.code, python ? "python" : "typescript", uri);
  model.updateOptions({ tabSize: python ? 4 : 2, insertSpaces: true });

  host.replaceChildren();
  const font = options.font ?? {};
  const editor = monaco.editor.create(host, {
    model,
    theme: themeName(options.theme ?? pageTheme()),
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    stickyScroll: { enabled: false },
    fixedOverflowWidgets: true,
    lineNumbersMinChars: 3,
    renderLineHighlightOnlyWhenFocus: true,
    scrollbar: { alwaysConsumeMouseWheel: false },
    padding: { top: font.paddingTop ?? 8, bottom: font.paddingBottom ?? 8 },
    ...(font.family ? { fontFamily: font.family } : {}),
    ...(font.size ? { fontSize: font.size } : {}),
    ...(font.lineHeight ? { lineHeight: font.lineHeight } : {}),
    ariaLabel: options.ariaLabel ?? "TypeScript code, editable",
  });

  const minHeight = options.minHeight ?? 0;
  const maxHeight = options.maxHeight ?? Number.POSITIVE_INFINITY;
  let expanded = false;
  const fitHeight = () => {
    // Expanded, the editor takes most of the window whatever the length of the code.
    const h = expanded
      ? Math.max(minHeight, Math.round(window.innerHeight * 0.85))
      : Math.min(maxHeight, Math.max(minHeight, editor.getContentHeight()));
    if (host.style.height !== `${h}px`) host.style.height = `${h}px`;
  };
  fitHeight();
  editor.onDidContentSizeChange(fitHeight);
  editor.layout();

  if (options.cursorOffset !== undefined)
    editor.setPosition(model.getPositionAt(options.cursorOffset));
  if (options.scrollTop) editor.setScrollTop(options.scrollTop);
  if (options.scrollLeft) editor.setScrollLeft(options.scrollLeft);

  if (options.describedBy) {
    // The focusable input (a textarea, or a div when EditContext is used) carries the role.
    const input = host.querySelector('[role="textbox"]');
    input?.setAttribute("aria-describedby", options.describedBy);
  }

  model.onDidChangeContent(() => {
    monaco.editor.setModelMarkers(model, "compile", []);
    options.onChange?.(model.getValue());
  });
  // Monaco's keybindings are the page's, not one editor's: the last editor's Ctrl+Enter ran its
  // own program from every editor (the Python one's, from the TypeScript editor beside it). A
  // context key set only in this editor's scope makes each binding this editor's.
  const own = `asyncioLiveEditor${++editors}`;
  editor.createContextKey(own, true);
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => options.onRun?.(), own);
  editor.addCommand(monaco.KeyCode.Escape, () => options.onEscape?.(), `${own} && ${ESCAPE_WHEN}`);

  const unwatch = python ? { dispose() {} } : watchEagerPromises(model);
  const languageReady = python ? Promise.resolve() : configured.then(() => serviceReady(model));
  // A failed language service leaves a working editor without types; say so once.
  languageReady.catch((error: unknown) =>
    console.warn("TypeScript language service did not start", error),
  );

  let disposed = false;
  return {
    getValue: () => model.getValue(),
    setValue(code) {
      if (code === model.getValue()) return;
      editor.pushUndoStop();
      editor.executeEdits("reset", [{ range: model.getFullModelRange(), text: code }]);
      editor.pushUndoStop();
    },
    setMarkers(diagnostics, owner = "compile") {
      monaco.editor.setModelMarkers(
        model,
        owner,
        diagnostics.map((d) => ({
          severity: monaco.MarkerSeverity.Error,
          startLineNumber: d.line,
          startColumn: d.column,
          endLineNumber: d.line,
          endColumn: d.endColumn,
          message: d.message,
          source: owner === "compile" ? "esbuild" : "run",
        })),
      );
    },
    revealPosition(line, column) {
      editor.setPosition({ lineNumber: line, column });
      editor.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column });
    },
    focus: () => editor.focus(),
    hasFocus: () => editor.hasTextFocus(),
    languageReady,
    typeErrors: () => (python ? Promise.resolve([]) : typeErrorsOf(model)),
    setExpanded(on) {
      expanded = on;
      fitHeight();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      unfollow();
      unwatch.dispose();
      editor.dispose();
      model.dispose();
      host.style.height = "";
    },
  };
}
