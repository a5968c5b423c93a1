/**
 * What the example widget needs from the editor of its TypeScript: the code the reader sees,
 * and Run's preparation (compile, report and mark errors). The editor's handle implements it;
 * tests give a fake.
 */
import type { PrepareStatus, ReaderError, RunPlan } from "../editor/run-plan.ts";
import type { Position } from "../editor/source-map.ts";

export interface EditorPort {
  /** The code the reader sees now. */
  code(): string;
  /** The Python the reader sees now (their edit or `main.py`); null without a Python panel. */
  pythonCode(): string | null;
  /** Compiles the reader's code for Run, saying what it is doing; marks compile and type errors itself. */
  prepareRun(onStatus?: (status: PrepareStatus) => void): Promise<RunPlan>;
  /** Maps a 1-based position in the last compiled code to the reader's code (null: not theirs). */
  mapCompiledPosition(line: number, column: number): Position | null;
  /** Marks a runtime error in the reader's code (when `where` is set). */
  markRuntimeError(error: ReaderError): void;
  clearRuntimeErrors(): void;
  /** Marks a Run Python's exception in the reader's Python (`ran`: the Python that ran). */
  markPythonError(error: ReaderError, ran: string): void;
  clearPythonErrors(): void;
}
