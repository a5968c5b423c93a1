/**
 * The one message protocol between the page (playground) and the sandbox (runner iframe and
 * its worker). Every message carries the `channel` of the example it belongs to, so one
 * runner can serve several examples and stray messages are ignored.
 *
 * Every message of a run also carries the run's id (`run`), given by the page when it asks
 * for the run: a message of an earlier run on the same channel (a run replaced by Run, or
 * stopped) is never taken for the current one's.
 *
 * The page treats every message from the sandbox as untrusted data: `checkRunnerMessage`
 * (protocol-check.ts) checks it in full against this protocol before anything reads it, and
 * text is only ever rendered as text.
 */
import type { PythonVersion } from "../runtime/asyncio/python-version.ts";
import type { TraceEvent } from "../runtime/asyncio/trace.ts";
import type { PythonRuntime } from "./python/python-runtime.ts";

/** `1x` real clock, `10x` scaled clock, `instant` virtual clock. */
export type Speed = "1x" | "10x" | "instant";

export const SPEEDS: readonly Speed[] = ["1x", "10x", "instant"];

/**
 * How a TypeScript run runs: its clock, and the CPython version whose semantics the runtime
 * follows (the version the reader chose for the example's "CPython printed" panel).
 */
export interface RunOptions {
  speed: Speed;
  python: PythonVersion;
}

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

/**
 * How a run ended. `detail` of the `end` message says more, in words a reader can be shown:
 * - `finished`, `failed`: the program ran to its end (an exception escaped for `failed`);
 * - `stopped`: the reader pressed Stop;
 * - `timeout`: the wall-time limit, or silence (a loop that never awaits);
 * - `output-limit`: printed more lines or characters than the page keeps;
 * - `budget`: sent more than the page accepts through another channel (errors, timeline
 *   events, messages per second): "stopped: the program produced more than … timeline events";
 * - `out-of-memory`: the worker's heap grew past the limit;
 * - `closed`: the program closed its own worker (`self.close()`); what it printed is kept;
 * - `refused`: the sandbox sent messages that break this protocol (forged or damaged), and
 *   the page stopped listening to that run.
 */
export type RunStatus =
  | "finished"
  | "failed"
  | "stopped"
  | "timeout"
  | "output-limit"
  | "budget"
  | "out-of-memory"
  | "closed"
  | "refused";

export const RUN_STATUSES: readonly RunStatus[] = [
  "finished",
  "failed",
  "stopped",
  "timeout",
  "output-limit",
  "budget",
  "out-of-memory",
  "closed",
  "refused",
];

/** Page → sandbox. `run` is the id the page gave the run (a positive integer, new for every run). */
export type HostMessage =
  /** Run compiled reader code (an ES module; `asyncio` resolves to the runtime). */
  | ({ channel: string; kind: "run"; run: number; code: string } & RunOptions)
  /**
   * Run a `main.py` in Pyodide, through the recorder's own code: the same trace comes back.
   * Needs `python-runtime` first.
   */
  | { channel: string; kind: "run-python"; run: number; code: string; speed: Speed }
  /** Pyodide's files, fetched by the page on the first Run Python (once per page). */
  | { channel: "*"; kind: "python-runtime"; runtime: PythonRuntime }
  /** Stop that run at once (the worker is terminated); a stop for another run does nothing. */
  | { channel: string; kind: "stop"; run: number }
  /**
   * The page has drawn `count` more of that run's messages: the frame may send as many more
   * (it keeps only a few unacknowledged, so a flood waits in the sandbox, not in the page).
   */
  | { channel: string; kind: "ack"; run: number; count: number }
  /**
   * Ahead of the click: start a worker (unless one is idle) and load this precompiled program
   * into it, so a Run of the same code only has to say "go".
   */
  | { channel: string; kind: "preload"; code: string }
  /** Are you there? Sent while a run is on; the frame answers `pong` from its own thread. */
  | { channel: "*"; kind: "ping"; seq: number };

/**
 * Page → sandbox on the frame's window, once, in answer to `ready`, with a `MessagePort`
 * transferred: every later message both ways goes over that private channel.
 */
export type HostHandover = { channel: "*"; kind: "port" };

/** Sandbox → page. */
export type RunnerMessage =
  /** The runner page has loaded and waits for its port (the only message on the window). */
  | { channel: "*"; kind: "ready" }
  /** The answer to `ping`: the frame's process is alive (its worker may not be). */
  | { channel: "*"; kind: "pong"; seq: number }
  /** A batch of trace events, in order (at most `PROTOCOL_BOUNDS.batch` of them). */
  | { channel: string; kind: "events"; run: number; events: TraceEvent[] }
  /** Something the reader's code did that is not a trace event: an uncaught error, an unhandled rejection. */
  | {
      channel: string;
      kind: "error";
      run: number;
      t: number;
      error: RunError;
      origin: "uncaught" | "unhandled-rejection";
    }
  /** A Python run's interpreter has started: its `sys.version_info` as `3.13.2`. */
  | { channel: string; kind: "python-version"; run: number; version: string }
  /** The run ended; `t` is the loop time at the end, in seconds. */
  | {
      channel: string;
      kind: "end";
      run: number;
      status: RunStatus;
      t: number;
      error: RunError | null;
      detail: string;
    };

/**
 * What the page asks of `RunnerHost.post`: a host message without its run id (the host gives
 * every run its id, and a stop goes to the channel's current run).
 */
export type HostRequest =
  | Omit<Extract<HostMessage, { kind: "run" }>, "run">
  | Omit<Extract<HostMessage, { kind: "run-python" }>, "run">
  | Extract<HostMessage, { kind: "python-runtime" }>
  | Omit<Extract<HostMessage, { kind: "stop" }>, "run">
  | Extract<HostMessage, { kind: "preload" }>;
