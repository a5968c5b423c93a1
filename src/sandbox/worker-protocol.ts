/** Messages between the runner frame and its worker: internal to the sandbox. */
import type { TraceEvent } from "../runtime/asyncio/trace.ts";
import type { RunError, RunStatus, Speed } from "./protocol.ts";

export type FrameToWorker = { kind: "run"; code: string; speed: Speed };

export type WorkerToFrame =
  /** A sign of life; any other message counts as one too. */
  | { kind: "beat" }
  | { kind: "events"; events: TraceEvent[] }
  | { kind: "error"; t: number; error: RunError; origin: "uncaught" | "unhandled-rejection" }
  | { kind: "end"; status: RunStatus; t: number; error: RunError | null; detail: string };
