/** How a line of output is shown: `+1.000s  Task-2  Goodbye Alice`. Pure; used at build time and in the page. */
import type { ParsedLine } from "../runtime/asyncio/transcript.ts";

/** `1` → `+1.000s`. */
export function formatStamp(t: number): string {
  return `+${t.toFixed(3)}s`;
}

export interface LineParts {
  stamp: string;
  /** The task's name; `loop` outside any task; empty for error lines. */
  task: string;
  text: string;
  kind: ParsedLine["kind"];
}

/** The three columns of one transcript line, as the reader sees them. */
export function lineParts(line: ParsedLine): LineParts {
  const stamp = line.t === null ? "" : formatStamp(line.t);
  switch (line.kind) {
    case "print":
      return { stamp, task: line.task ?? "loop", text: line.text, kind: line.kind };
    case "exception":
      return { stamp, task: "", text: `${"  ".repeat(line.depth)}${line.text}`, kind: line.kind };
    case "loop-error":
      return { stamp, task: "", text: `loop error: ${line.text}`, kind: line.kind };
    default:
      return { stamp, task: "", text: line.text, kind: line.kind };
  }
}
