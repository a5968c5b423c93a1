/**
 * Cuts what a program sends to the bounds of the protocol before it leaves the worker: a
 * string longer than `PROTOCOL_BOUNDS.cutAt` keeps its start and says its full length, an
 * exception keeps its first lines. The characters cut away are counted, so the output budget
 * still sees a 50-million-character line as 50 million characters.
 */
import type { TraceEvent } from "../runtime/asyncio/trace.ts";
import type { RunError } from "./protocol.ts";
import { PROTOCOL_BOUNDS as B } from "./protocol-bounds.ts";

const NUMBER = new Intl.NumberFormat("en-US");

/** `text` as shown: whole when short, else its start and `… (N characters in all)`. */
export function cutText(text: string, max: number = B.cutAt): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)} … (${NUMBER.format(text.length)} characters in all)`;
}

/** The characters `cutText` leaves out of `text`. */
function cutAway(text: string): number {
  return Math.max(0, text.length - B.cutAt);
}

export interface CutEvent {
  event: TraceEvent;
  /** Characters left out (of printed text: what the output budget counts). */
  dropped: number;
}

/** The event with each of its strings cut to the protocol's bounds. */
export function cutEvent(e: TraceEvent): CutEvent {
  switch (e.type) {
    case "print":
      return {
        event: { ...e, text: cutText(e.text), name: e.name === null ? null : cutText(e.name) },
        dropped: cutAway(e.text),
      };
    case "loop-error":
      return { event: { ...e, text: cutText(e.text) }, dropped: cutAway(e.text) };
    case "exception": {
      const kept = e.lines.slice(0, B.maxExceptionLines - 1).map((l) => cutText(l));
      const more = e.lines.length - kept.length;
      if (more > 0) kept.push(`  … (${NUMBER.format(more)} more lines)`);
      const dropped = e.lines.reduce((n, l) => n + cutAway(l), 0);
      return { event: { ...e, lines: kept }, dropped };
    }
    case "created":
    case "renamed":
      return { event: { ...e, name: cutText(e.name) }, dropped: 0 };
    case "suspended":
      return { event: { ...e, on: cutText(e.on) }, dropped: 0 };
    case "done":
      return { event: { ...e, result: cutText(e.result) }, dropped: 0 };
    case "failed":
      return { event: { ...e, error: cutText(e.error) }, dropped: 0 };
    case "cancelled":
      return { event: { ...e, message: cutText(e.message) }, dropped: 0 };
    default:
      return { event: e, dropped: 0 };
  }
}

/** The error with its strings cut to the protocol's bounds. */
export function cutRunError(error: RunError): RunError {
  return { ...error, type: cutText(error.type, 200), message: cutText(error.message) };
}
