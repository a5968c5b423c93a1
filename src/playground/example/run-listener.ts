/**
 * The contract between a run of an example and everything that shows it: the output, the
 * verdict, the timeline and an exercise's check each implement `RunListener`, and the widget
 * tells all of them the same story in the same order: `reset` (a new run starts: forget the
 * old one at once), `phase` (what is happening before the first line), `events` (a batch of
 * the run's trace), `error` (an error of the reader's that is not a transcript line),
 * `finish` (the run is over, or never started).
 */
import type { PythonVersion } from "../../runtime/asyncio/python-version.ts";
import type { TraceEvent } from "../../runtime/asyncio/trace.ts";
import type { ParsedLine } from "../../runtime/asyncio/transcript.ts";
import type { RunStatus, Speed } from "../../sandbox/protocol.ts";
import type { PrepareStatus, ReaderError } from "../editor/run-plan.ts";

/** What is happening between Run and the first line. */
export type RunPhase = PrepareStatus | "starting" | "loading-python";

/** Which program a run runs: the TypeScript twin, or the Python (in Pyodide). */
export type RunLanguage = "typescript" | "python";

export interface RunStart {
  speed: Speed;
  language: RunLanguage;
  /** Loop seconds per wall second: 1 at 1×, 10 at 10×, 0 for Instant (the virtual clock). */
  rate: number;
}

/** A batch of the run's trace, with the transcript lines it stands for. */
export interface RunBatch {
  events: readonly TraceEvent[];
  lines: readonly ParsedLine[];
}

/** An error of the reader's code while it runs, outside the transcript. */
export interface RunErrorNote {
  /** Loop time, seconds. */
  t: number;
  origin: "uncaught" | "unhandled-rejection";
  error: ReaderError;
}

/** What a finished run gives to listeners (and, as `RunResult`, to an exercise's check). */
export interface RunResult {
  status: RunStatus;
  /** Loop time at the end, seconds. */
  t: number;
  lines: ParsedLine[];
  events: TraceEvent[];
  speed: Speed;
  /** False when the code did not compile (nothing ran). */
  compiled: boolean;
}

export interface RunOutcome extends RunResult {
  language: RunLanguage;
  /** The error that ended the run (an exception escaping `run`), as a value. */
  error: ReaderError | null;
  /** The sandbox's words for a timeout or a limit. */
  detail: string;
  /** Why nothing ran (compile errors), empty when it ran. */
  compileErrors: readonly ReaderError[];
  /** Type errors found before the run (or, late, since); they did not stop it. */
  typeErrors: readonly ReaderError[];
  /** The CPython version the runtime followed: absent for a run of Python itself (Pyodide). */
  python?: PythonVersion;
}

export interface RunListener {
  reset(start: RunStart): void;
  phase?(phase: RunPhase): void;
  /** A Python run's interpreter started: the version it says it is (`3.13.2`). */
  pythonVersion?(version: string): void;
  /**
   * Type errors found while preparing the run (it runs anyway); or, when the type check took
   * longer than Run waits for it, later: during the run or after its `finish`.
   */
  typeErrors?(errors: readonly ReaderError[]): void;
  events(batch: RunBatch): void;
  error?(note: RunErrorNote): void;
  finish(outcome: RunOutcome): void;
}
