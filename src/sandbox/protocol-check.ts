/**
 * Checks a message from the sandbox against the protocol before anything acts on it: known
 * kinds and event types, finite times in range, integers where ids go, strings and arrays
 * within `PROTOCOL_BOUNDS`. Used by the runner frame on what its worker sends and by the page
 * on what the frame sends; what fails is dropped (and counted by the caller), never drawn.
 */
import type { TraceEvent } from "../runtime/asyncio/trace.ts";
import { RUN_STATUSES, type RunError, type RunnerMessage } from "./protocol.ts";
import { PROTOCOL_BOUNDS as B } from "./protocol-bounds.ts";

type Rec = Record<string, unknown>;

const isRecord = (v: unknown): v is Rec => typeof v === "object" && v !== null;
const isTime = (v: unknown): v is number =>
  typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= B.maxT;
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
/** A task's id in the trace: N of `Task-N`, or negative for a task named at creation (trace.ts). */
const isTaskId = (v: unknown): v is number => Number.isSafeInteger(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.length <= B.maxString;
const isTaskOrNull = (v: unknown) => v === null || isTaskId(v);
const isTextOrNull = (v: unknown) => v === null || isText(v);

const STATUSES = new Set<unknown>(RUN_STATUSES);
const ORIGINS = new Set<unknown>(["uncaught", "unhandled-rejection"]);

/** One trace event of the runtime's `TraceEvent` union, with every field in range. */
export function isTraceEvent(e: unknown): e is TraceEvent {
  if (!isRecord(e) || !isTime(e.t)) return false;
  switch (e.type) {
    case "created":
      return isTaskId(e.task) && isText(e.name) && isTaskOrNull(e.parent);
    case "started":
    case "resumed":
      return isTaskId(e.task);
    case "suspended":
      return isTaskId(e.task) && isText(e.on);
    case "done":
      return isTaskId(e.task) && isText(e.result);
    case "failed":
      return isTaskId(e.task) && isText(e.error);
    case "cancelled":
      return isTaskId(e.task) && isText(e.message);
    case "renamed":
      return isTaskId(e.task) && isText(e.name);
    case "print":
      return isTaskOrNull(e.task) && isTextOrNull(e.name) && isText(e.text);
    case "exception":
      return (
        Array.isArray(e.lines) &&
        e.lines.length <= B.maxExceptionLines &&
        e.lines.every((l) => isText(l))
      );
    case "loop-error":
      return isText(e.text);
    default:
      return false;
  }
}

/** A batch of trace events: an array within the batch size, every element a valid event. */
export function isEventBatch(v: unknown): v is TraceEvent[] {
  return Array.isArray(v) && v.length > 0 && v.length <= B.batch && v.every(isTraceEvent);
}

export function isRunError(v: unknown): v is RunError {
  if (!isRecord(v) || !isText(v.type) || !isText(v.message)) return false;
  const p = v.position;
  if (p === null) return true;
  return isRecord(p) && isId(p.line) && isId(p.column);
}

/** A message of the worker's or the frame's, without its channel and run (checked apart). */
export function isRunPayload(m: Rec): boolean {
  switch (m.kind) {
    case "events":
      return isEventBatch(m.events);
    case "error":
      return isTime(m.t) && isRunError(m.error) && ORIGINS.has(m.origin);
    case "end":
      return (
        STATUSES.has(m.status) &&
        isTime(m.t) &&
        (m.error === null || isRunError(m.error)) &&
        isText(m.detail)
      );
    default:
      return false;
  }
}

/** A Python version as `sys.version_info` gives its first three numbers: `3.13.2`. */
export const isInterpreterVersion = (v: unknown): v is string =>
  typeof v === "string" && /^\d{1,2}\.\d{1,3}\.\d{1,3}$/.test(v);

/** A whole frame → page message: the protocol's `RunnerMessage`, every field in range. */
export function checkRunnerMessage(data: unknown): data is RunnerMessage {
  if (!isRecord(data)) return false;
  if (typeof data.channel !== "string" || data.channel.length > B.maxChannel) return false;
  if (data.kind === "ready") return data.channel === "*";
  if (data.kind === "pong") return data.channel === "*" && Number.isSafeInteger(data.seq);
  if (data.kind === "python-version") return isId(data.run) && isInterpreterVersion(data.version);
  return isId(data.run) && isRunPayload(data);
}
