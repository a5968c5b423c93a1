/**
 * Turns a run's trace events into transcript lines, the same shape as a parsed `python.out`,
 * so the output view, the verdict and the Python side all speak one line type. Pure.
 */
import type { TraceEvent } from "../runtime/asyncio/trace.ts";
import type { ParsedLine } from "./timeline/transcript-parse.ts";

/** The transcript lines an event stands for (most events stand for none). */
export function linesOf(event: TraceEvent): ParsedLine[] {
  switch (event.type) {
    case "print":
      return [{ kind: "print", t: event.t, task: event.name, text: event.text }];
    case "exception":
      return event.lines.map((line) => {
        const body = line.trimStart();
        const depth = Math.floor((line.length - body.length) / 2);
        return { kind: "exception", t: event.t, task: null, text: body, depth };
      });
    case "loop-error":
      return [{ kind: "loop-error", t: event.t, task: null, text: event.text }];
    default:
      return [];
  }
}
