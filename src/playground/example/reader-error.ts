/**
 * Errors of the reader's code as values (`{text, where}`): what the sandbox reports, with its
 * position mapped back to the reader's code, so the output prints it and the editor marks it
 * and neither reads the other's text. Pure.
 */
import type { RunError } from "../../sandbox/protocol.ts";
import type { ReaderError } from "../editor/run-plan.ts";
import type { Position } from "../editor/source-map.ts";

/** Maps a 1-based position in the code that ran to the reader's code (null: not theirs). */
export type PositionMap = (line: number, column: number) => Position | null;

/**
 * `map`, remembering its answers: mapping decodes the program's source map, and a flood of
 * errors raised at one place (20,000 rejections in a loop) asks the same question each time.
 */
export function rememberingMap(map: PositionMap): PositionMap {
  const answers = new Map<string, Position | null>();
  return (line, column) => {
    const key = `${line}:${column}`;
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = map(line, column);
      answers.set(key, answer);
    }
    return answer;
  };
}

/** `TypeError: x is not a function`, pointing where the reader's code raised it. */
export function readerErrorOf(error: RunError, map: PositionMap): ReaderError {
  const text = `${error.type}${error.message ? `: ${error.message}` : ""}`;
  const where = error.position ? map(error.position.line, error.position.column) : null;
  return { text, where };
}

/**
 * `main.ts:3:7`: a place in the reader's code as the output names it; in their Python,
 * `main.py, line 3` (as a traceback says it).
 */
export function placeName(where: Position, file: "main.ts" | "main.py" = "main.ts"): string {
  return file === "main.py"
    ? `main.py, line ${where.line}`
    : `${file}:${where.line}:${where.column}`;
}

/** The error as one output line: its text, then where it was raised when that is known. */
export function errorLine(error: ReaderError, file: "main.ts" | "main.py" = "main.ts"): string {
  return error.where ? `${error.text} (${placeName(error.where, file)})` : error.text;
}
