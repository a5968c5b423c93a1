/**
 * The one message protocol between the page (playground) and the sandbox (runner iframe and
 * its worker). Every message carries the `channel` of the example it belongs to, so one
 * runner can serve several examples and stray messages are ignored.
 *
 * The page treats every message from the sandbox as untrusted data: `isRunnerMessage`
 * checks the shape before anything reads it, and text is only ever rendered as text.
 */
import type { TraceEvent } from "../runtime/asyncio/trace.ts";

/** `1x` real clock, `10x` scaled clock, `instant` virtual clock. */
export type Speed = "1x" | "10x" | "instant";

export const SPEEDS: readonly Speed[] = ["1x", "10x", "instant"];

/** Where a reader's error happened in their own code (1-based line and column). */
export interface SourcePosition {
  line: number;
  column: number;
}

export interface RunError {
  /** Python-style type name: `TypeError`, `CancelledError`, `ExceptionGroup`, … */
  type: string;
  message: string;
  position: SourcePosition | null;
}

export type RunStatus = "finished" | "failed" | "stopped" | "timeout" | "output-limit";

/** Page → sandbox. */
export type HostMessage =
  /** Run compiled reader code (an ES module; `asyncio` resolves to the runtime). */
  | { channel: string; kind: "run"; code: string; speed: Speed }
  /** Stop the run on this channel at once (the worker is terminated). */
  | { channel: string; kind: "stop" }
  /** Start a worker ahead of the click, so the first Run shows output at once. */
  | { channel: string; kind: "warm" };

/** Sandbox → page. */
export type RunnerMessage =
  /** The runner page has loaded and accepts messages. */
  | { channel: "*"; kind: "ready" }
  /** A batch of trace events, in order. */
  | { channel: string; kind: "events"; events: TraceEvent[] }
  /** Something the reader's code did that is not a trace event: an uncaught error, an unhandled rejection. */
  | {
      channel: string;
      kind: "error";
      t: number;
      error: RunError;
      origin: "uncaught" | "unhandled-rejection";
    }
  /** The run ended; `t` is the loop time at the end, in seconds. */
  | {
      channel: string;
      kind: "end";
      status: RunStatus;
      t: number;
      error: RunError | null;
      detail: string;
    };

const KINDS = new Set(["ready", "events", "error", "end"]);

/** A cheap structural check before the page reads a message it did not create. */
export function isRunnerMessage(data: unknown): data is RunnerMessage {
  if (typeof data !== "object" || data === null) return false;
  const m = data as { channel?: unknown; kind?: unknown };
  return typeof m.channel === "string" && typeof m.kind === "string" && KINDS.has(m.kind);
}
