/** The editor controller's public types: its options and the handle it returns. */
import type { EditState } from "./edit-state.ts";
import type { StorageLike } from "./edits-store.ts";
import type { PrepareStatus, ReaderError, RunPlan } from "./run-plan.ts";
import type { Position } from "./source-map.ts";

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
  /** Ctrl/Cmd+Enter in the Python editor: as if Run Python were pressed. */
  requestPythonRun?: () => void;
  /** Storage for edits; default `localStorage`. */
  storage?: StorageLike | null;
  /** Milliseconds the Undo of a Reset stays offered. Default 8000. */
  undoMs?: number;
}

export interface ExampleEditor {
  readonly state: EditState | "conflict";
  /** The code the reader sees now. */
  code(): string;
  /** The Python the reader sees now (their edit or `main.py`); null without a Python panel. */
  pythonCode(): string | null;
  /** Opens the editor (loading Monaco); focuses it when it is already open. */
  open(cursorOffset?: number): Promise<void>;
  /**
   * What Run should run: the original, or the edited code compiled (loading esbuild-wasm if
   * needed) with its type errors; compile and type errors are marked in the editor. `onStatus`
   * hears each step as it starts, so the widget can say it at once.
   */
  prepareRun(onStatus?: (s: PrepareStatus) => void): Promise<RunPlan>;
  /** Maps a 1-based position in the last compiled code to the reader's code (null: not theirs). */
  mapCompiledPosition(line: number, column: number): Position | null;
  /** Marks a runtime error where it points in the reader's code (opening the editor). */
  markRuntimeError(error: ReaderError): void;
  /** Clears runtime error marks (call when a new run starts). */
  clearRuntimeErrors(): void;
  /** Marks a Run Python's exception where it points in `ran` (the Python that ran). */
  markPythonError(error: ReaderError, ran: string): void;
  /** Clears that mark (call when a new Run Python starts). */
  clearPythonErrors(): void;
  /** Restores the original TypeScript and `main.py` (each side only if it was changed). */
  reset(): void;
  /** Copies a link to the reader's code: the TypeScript, and the Python if it was edited. */
  share(): Promise<void>;
  /** Saves now (the controller also saves as the reader types, and on pagehide). */
  flush(): void;
  dispose(): void;
}
