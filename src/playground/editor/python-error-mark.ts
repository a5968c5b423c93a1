/**
 * The mark of a Run Python's exception in the reader's `main.py`: a marker in the Python editor
 * (squiggle, and the exception's line on hover), or, with the editor not open, the plain view's
 * line, kept until the editor opens. Where it points comes structured from the worker (the
 * traceback's frames, a SyntaxError's own place: `live_run.py`), never from the printed text.
 * It lasts until the next edit or the next Run Python.
 */
import type { Diagnostic } from "./compile-core.ts";
import { markPlainLine, type WidgetParts } from "./edit-view.ts";
import type { EditorHandle } from "./monaco-editor.ts";
import type { ReaderError } from "./run-plan.ts";

export class PythonErrorMark {
  readonly #parts: WidgetParts;
  readonly #editor: () => EditorHandle | null;
  #marker: Diagnostic | null = null;

  constructor(parts: WidgetParts, editor: () => EditorHandle | null) {
    this.#parts = parts;
    this.#editor = editor;
  }

  /** Marks `error` where it points in `code` (the Python that ran); nothing when it points nowhere. */
  mark(error: ReaderError, code: string): void {
    const where = error.where;
    if (!where) return;
    const text = code.split("\n")[where.line - 1] ?? "";
    // From where Python points to the end of that line's code: a whole statement or token is
    // easier to see than one column, and Python gives no end for a SyntaxError of one token.
    const end = text.trimEnd().length + 1;
    this.#marker = {
      line: where.line,
      column: where.column,
      endColumn: Math.max(where.column + 1, end),
      message: error.text,
      text: error.text,
    };
    this.#parts.root.dataset["pyErrorLine"] = String(where.line);
    const editor = this.#editor();
    if (editor) this.editorOpened(editor);
    else markPlainLine(this.#parts, where.line, error.text);
  }

  /** The Python editor opened: it shows the pending mark. */
  editorOpened(editor: EditorHandle): void {
    const marker = this.#marker;
    if (!marker) return;
    editor.setMarkers([marker], "runtime");
    editor.revealPosition(marker.line, marker.column);
  }

  clear(): void {
    if (!this.#marker) return;
    this.#marker = null;
    delete this.#parts.root.dataset["pyErrorLine"];
    markPlainLine(this.#parts, null);
    this.#editor()?.setMarkers([], "runtime");
  }
}
