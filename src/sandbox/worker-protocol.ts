/**
 * Messages between the runner frame and its worker: internal to the sandbox.
 *
 * The worker's global `postMessage` is shared with the reader's code, so the frame listens to
 * none of it: the first message the frame sends a new worker (on the global channel, before
 * any reader code can run) hands it a `MessagePort`, and everything after (the run, the trace,
 * the heartbeats) goes over that port, which only the worker's own closure holds.
 */
import type { TraceEvent } from "../runtime/asyncio/trace.ts";
import type { RunError, RunOptions, RunStatus } from "./protocol.ts";

/** On the worker's global channel, once, with the port transferred. */
export type FrameToWorkerGlobal = { kind: "port" };

/** On the private port. */
export type FrameToWorker =
  /**
   * Load a program ahead of its run: fetched and compiled, held before its first statement
   * until a `go` names it (a worker may hold several; only one ever runs).
   */
  | { kind: "load"; id: number; code: string }
  /** Run the program loaded as `id`. */
  | ({ kind: "go"; id: number } & RunOptions)
  /** Run a program not loaded before. */
  | ({ kind: "run"; code: string } & RunOptions);

/** On the private port. */
export type WorkerToFrame =
  /** A sign of life; any other message counts as one too. */
  | { kind: "beat" }
  /** `dropped`: printed characters cut away from these events (the budget counts them). */
  | { kind: "events"; events: TraceEvent[]; dropped: number }
  | { kind: "error"; t: number; error: RunError; origin: "uncaught" | "unhandled-rejection" }
  | { kind: "end"; status: RunStatus; t: number; error: RunError | null; detail: string }
  /** A program loaded ahead of its run is held at its gate, ready to go (an idle worker's only message). */
  | { kind: "held"; id: number }
  /** A Python worker has booted Pyodide (before or during its run): a Run Python starts at once. */
  | { kind: "python-ready" }
  /**
   * A Python worker has booted Pyodide and starts the program now: its limits start too.
   * `version`: the interpreter's own `sys.version_info` (`3.13.2`), for the page to show.
   */
  | { kind: "python-started"; version: string }
  /** The program called `close()` on its worker: what it sent before is complete. */
  | { kind: "closed"; t: number };
