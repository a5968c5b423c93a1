/**
 * The Python side of an example's editor: the reader edits `main.py` as they edit the
 * TypeScript, with the same parts (`EditorSession` for saving, Reset and share links,
 * `EditorSlot` for Monaco, here in its Python mode), so the same promises hold: the edit is
 * saved as they type (never lost by a reload, a crash or a Stop), Reset restores `main.py`,
 * Share carries it. Nothing compiles it: Run Python hands the text to Pyodide.
 *
 * Its edit is kept apart from the TypeScript's (`python-links.ts`). The controller loads this
 * module when it is wanted (a saved Python edit, a share link, Edit, the Python code pressed):
 * most readers never edit the Python, and the JavaScript a chapter loads up front has a budget.
 */
import type { ExampleEditorOptions } from "./controller-types.ts";
import { editorHost, findParts, shippedCode, type WidgetParts } from "./edit-view.ts";
import { EditorSession } from "./editor-session.ts";
import { EditorSlot } from "./editor-slot.ts";
import { createEditsStore, hashText } from "./edits-store.ts";
import { PythonErrorMark } from "./python-error-mark.ts";
import { pythonEditId } from "./python-links.ts";
import type { ReaderError } from "./run-plan.ts";
import type { ShareDecodeResult } from "./share-link.ts";

/** What the controller does with the Python side. */
export interface PythonSide {
  /** The Python the reader sees now (their edit, shared code, or `main.py`). */
  code(): string;
  /** True when it shows anything but `main.py`. */
  changed(): boolean;
  reset(): void;
  /** The Python a share link should carry: the reader's, or undefined when it is `main.py`. */
  shared(): string | undefined;
  /** Opens the Python editor (`focus`: and puts the cursor there, at `cursorOffset` if given). */
  open(focus: boolean, cursorOffset?: number): void;
  /** Marks where a Run Python's exception was raised in `ran`, the Python that ran. */
  markError(error: ReaderError, ran: string): void;
  /** Clears that mark (a new Run Python; an edit clears it too). */
  clearError(): void;
  /** A share link, as `linkForPython` (share-link.ts) reads it for the Python. */
  onShareLink(link: ShareDecodeResult): void;
  flush(): void;
  flushPending(): void;
  dispose(): void;
}

type Listen = <K extends keyof HTMLElementEventMap>(
  el: HTMLElement | null,
  type: K,
  fn: (e: HTMLElementEventMap[K]) => void,
) => void;

/**
 * The parts of the widget's Python panel, or null when it has none: the same buttons, its own
 * code, editor host and mark; its messages go to a notice slot of their own, naming it.
 */
function findPythonParts(root: HTMLElement): WidgetParts | null {
  const code = root.querySelector<HTMLElement>("[data-py-code]");
  if (!code) return null;
  // Not spread: that would read the TypeScript's host, and so make it.
  const { edit, reset, share, notice } = findParts(root);
  return {
    root,
    edit,
    reset,
    share,
    notice,
    language: "python",
    tsCode: code,
    host: editorHost(root, code, "python"),
    // Made by showMarks (edit-view.ts) when there is first a mark to show.
    marks: code.closest(".code-panel")?.querySelector<HTMLElement>("[data-py-edit-marks]") ?? null,
    say: (text) => `Python: ${text.replace("press Run to", "press Run Python to")}`,
  };
}

/**
 * The Python side of the widget in `options.root`, or null when it shows no Python (the
 * controller wires the Python code block; this wires the plain view of an edit).
 */
export function attachPythonSide(options: ExampleEditorOptions, listen: Listen): PythonSide | null {
  const parts = findPythonParts(options.root);
  if (!parts) return null;
  const original = shippedCode(parts.tsCode);
  const { originalHash: _ts, ...shared } = options;
  const pyOptions: ExampleEditorOptions = {
    ...shared,
    id: pythonEditId(options.id),
    original,
    requestRun: options.requestPythonRun ?? (() => {}),
  };
  const slot = new EditorSlot(pyOptions, parts);
  const store = createEditsStore(options.storage);
  const session = new EditorSession(pyOptions, parts, store, slot, hashText(original));
  const errorMark = new PythonErrorMark(parts, () => slot.editor);
  const open = (focus: boolean, cursorOffset?: number) =>
    void slot
      .open(
        () => session.code,
        (next) => {
          errorMark.clear();
          session.changed(next);
        },
        cursorOffset,
        focus,
      )
      .then((editor) => errorMark.editorOpened(editor))
      .catch(() => {});

  listen(parts.host, "click", (e) => {
    if (!slot.editor && (e.target as Element).closest("[data-edited-code]")) open(true);
  });
  const onEnter = (e: KeyboardEvent) => {
    if (e.key === "Enter" && !e.ctrlKey && !e.metaKey && !slot.editor) {
      e.preventDefault();
      open(true);
    }
  };
  listen(parts.host, "keydown", onEnter);

  return {
    code: () => session.code,
    changed: () => session.state !== "original" || session.code !== original,
    reset: () => session.reset(),
    shared: () => (session.code === original ? undefined : session.code),
    open,
    markError: (error, ran) => errorMark.mark(error, ran),
    clearError: () => errorMark.clear(),
    onShareLink: (link) => session.onShareLink(link),
    flush: () => session.persist(),
    flushPending: () => session.flushPending(),
    dispose() {
      session.dispose();
      slot.dispose();
    },
  };
}
