/**
 * Hand-written trace events, shaped exactly as `src/runtime/asyncio/trace.ts` defines them.
 * Used by the model tests for the streams the runtime does not produce (partial traces) and
 * for scenarios written out by hand.
 */
import type { TraceEvent } from "../../../../src/runtime/asyncio/trace.ts";

export const ev = {
  created: (t: number, task: number, name: string, parent: number | null): TraceEvent => ({
    type: "created",
    t,
    task,
    name,
    parent,
  }),
  started: (t: number, task: number): TraceEvent => ({ type: "started", t, task }),
  suspended: (t: number, task: number, on: string): TraceEvent => ({
    type: "suspended",
    t,
    task,
    on,
  }),
  resumed: (t: number, task: number): TraceEvent => ({ type: "resumed", t, task }),
  done: (t: number, task: number, result: string): TraceEvent => ({
    type: "done",
    t,
    task,
    result,
  }),
  failed: (t: number, task: number, error: string): TraceEvent => ({
    type: "failed",
    t,
    task,
    error,
  }),
  cancelled: (t: number, task: number, message = ""): TraceEvent => ({
    type: "cancelled",
    t,
    task,
    message,
  }),
  renamed: (t: number, task: number, name: string): TraceEvent => ({
    type: "renamed",
    t,
    task,
    name,
  }),
  print: (t: number, task: number | null, text: string): TraceEvent => ({
    type: "print",
    t,
    task,
    name: task === null ? null : `Task-${task}`,
    text,
  }),
  exception: (t: number, lines: string[]): TraceEvent => ({ type: "exception", t, lines }),
  loopError: (t: number, text: string): TraceEvent => ({ type: "loop-error", t, text }),
};
