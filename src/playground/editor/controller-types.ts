/** The editor controller's public types: its options, the handle it returns, and Run's plan. */
import type { Diagnostic } from "./compile-core.ts";
import type { EditState } from "./edit-state.ts";
import type { StorageLike } from "./edits-store.ts";
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
