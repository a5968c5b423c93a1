/**
 * The contract between the editor (which compiles the reader's code) and the example widget
 * (which runs it and shows what happened). Errors are values: the text to show and where in the
 * reader's code it points, so the widget prints them and the editor marks them, and neither
 * parses the other's text.
 */
import type { Position } from "./source-map.ts";

/** One error in the reader's code, as shown in the output and marked in the editor. */
export interface ReaderError {
  /** One line for the output: `main.ts:3:7: error: Type 'string' is not assignable to …`. */
  text: string;
  /** Where it points in the reader's code (1-based), or null when it points nowhere in it. */
  where: Position | null;
}

/** What the editor is doing for a Run, so the widget can say it at once. */
export type PrepareStatus = "loading-compiler" | "compiling" | "type-checking";

/** What Run should run. */
export type RunPlan =
  /** The code is the original: run the precompiled module (no compiler needed). */
  | { kind: "original" }
  /**
   * Run `code`; `typeErrors` were found (and marked) but do not stop the run. Run waits for the
   * type check only a short while: when it takes longer, `typeErrors` is empty and
   * `lateTypeErrors` gives (and marks) what the check finds once it ends, while the code runs.
   */
  | {
      kind: "compiled";
      code: string;
      typeErrors: readonly ReaderError[];
      lateTypeErrors?: Promise<readonly ReaderError[]>;
    }
  /** Nothing runs: show `errors` (already marked in the editor). */
  | { kind: "compile-error"; errors: readonly ReaderError[] };
