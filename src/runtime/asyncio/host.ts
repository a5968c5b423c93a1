/**
 * The host's side of the runtime: how the sandbox (and tests) configure clocks, the trace and
 * limits, learn when runs start and end, route timers through the loop, and write output that is
 * attributed to the right task. Reader code never needs this: it just calls `asyncio.run(main)`.
 * (The sandbox builds its `setTimeout`/`setInterval` globals on `callFor`: src/sandbox/globals.ts.)
 */
import type { ClockSpec } from "./clock.ts";
import type { Handle } from "./handle.ts";
import { resetNetwork } from "./network-settings.ts";
import { DEFAULT_PYTHON, type PythonVersion, setPythonVersion } from "./python-version.ts";
import { resetSignals } from "./signal-dispositions.ts";
import { config, type Limits, type RunEnd, state } from "./state.ts";
import type { Task } from "./task.ts";
import type { TraceSubscriber } from "./trace.ts";

export type { Limits, RunEnd } from "./state.ts";

/** What `configure` accepts; every field is optional and keeps its value when left out. */
export interface HostOptions {
  /** `"virtual"` (default), `"real"`, `"scaled"` (10×), a clock, or a factory called per run. */
  clock?: ClockSpec;
  /** Receives every trace event (prints included); `null` prints to the console instead. */
  trace?: TraceSubscriber | null;
  limits?: Limits;
  /**
   * The CPython version whose semantics the runs follow (`python-version.ts`); the page passes
   * the version the reader chose. Default "3.11".
   */
  python?: PythonVersion;
  /** Called when a run's loop starts. */
  onRunStart?: (() => void) | null;
  /** Called when a run has ended (its output flushed, its `exception` event emitted). */
  onRunEnd?: ((end: RunEnd) => void) | null;
}

/**
 * Configure the runtime for the runs that follow (the sandbox does this before it imports the
 * reader's code; tests before each run).
 * @example
 * const events = [];
 * asyncio.configure({ clock: "virtual", trace: (e) => events.push(e), limits: { maxTime: 3600, maxSteps: 1e6 },
 *   onRunEnd: (end) => post({ kind: "end", status: end.status, t: end.t }) });
 */
export function configure(options: HostOptions): void {
  if (options.clock !== undefined) config.clock = options.clock;
  if (options.trace !== undefined) config.trace = options.trace;
  if (options.limits !== undefined) config.limits = { ...options.limits };
  if (options.python !== undefined) setPythonVersion(options.python);
  if (options.onRunStart !== undefined) config.onRunStart = options.onRunStart;
  if (options.onRunEnd !== undefined) config.onRunEnd = options.onRunEnd;
}

/**
 * Back to defaults (virtual clock, no trace, no limits, no hooks, Python 3.11), task names from
 * `Task-1` again. For tests.
 */
export function resetRuntime(): void {
  config.clock = "virtual";
  config.trace = null;
  config.limits = {};
  config.onRunStart = null;
  config.onRunEnd = null;
  setPythonVersion(DEFAULT_PYTHON);
  state.taskCounter = 0;
  resetSignals();
  resetNetwork();
}

export { type PythonVersion, pythonVersion } from "./python-version.ts";

/** Forget the context variables set at the program's top level (outside any run). */
export function resetTopLevelContext(): void {
  state.topLevelContext = null;
}

/** Restart task names at `Task-1` (CPython's counter is per process; each page run is a fresh worker). */
export function resetTaskCounter(): void {
  state.taskCounter = 0;
}

/** Is a run in progress? */
export function isRunning(): boolean {
  return state.loop !== null;
}

/**
 * The task host code runs on behalf of: the current task, or the only task suspended on a
 * foreign awaitable when a native continuation runs outside any step; `null` otherwise.
 */
export function contextTask(): Task<unknown> | null {
  return state.loop ? state.loop._currentTask() : null;
}

/**
 * Schedule `callback` on the loop after `delay` seconds (`null`: next iteration) on behalf of
 * `task`. If that task is then suspended on a foreign awaitable (a native promise the callback
 * settles), the callback runs as a step of the task, so the continuation it triggers is
 * attributed to it; otherwise it runs like a `callSoon` callback. Returns the loop handle.
 */
export function callFor(
  task: Task<unknown> | null,
  delay: number | null,
  callback: () => void,
): Handle {
  const loop = state.loop;
  if (!loop) throw new Error("no running event loop");
  return loop._scheduleFor(task, delay, callback);
}

/**
 * What the compiler saw the program do with a task it created (`src/shared/task-marks.ts`):
 * `droppedStatement` for a statement that starts with a creation and keeps nothing, `markLocal`
 * for a creation that went straight into a `const`/`let`/`var`. They decide when an exception
 * nobody read is reported (`unretrieved.ts`); the sandbox calls them through two globals.
 */
export { droppedStatement, markLocal } from "./unretrieved.ts";
