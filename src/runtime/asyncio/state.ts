/**
 * Module-level state shared by the runtime's files: the host configuration, the running loop and
 * the task-name counter. Kept apart so the concept files do not import each other in circles.
 */
import type { ClockSpec } from "./clock.ts";
import type { Context } from "./contextvars.ts";
import type { EventLoop } from "./loop.ts";
import type { TraceSubscriber } from "./trace.ts";

/** Bounds for a run, mostly for "Instant" (virtual clock), where a runaway program never waits. */
export interface Limits {
  /** Fail the run when the loop's time would pass this many seconds. */
  maxTime?: number;
  /** Fail the run after this many loop callbacks and task steps. */
  maxSteps?: number;
  /**
   * Virtual clock: how long (real ms) the loop waits for a task suspended on a foreign awaitable
   * (a native promise the runtime does not own) before it lets virtual time jump to the next
   * timer anyway. Default 1000.
   */
  foreignGraceMs?: number;
  /**
   * When nothing is ready, no timer is set and nothing outside the loop is pending, every task
   * waits on something that cannot happen: fail the run after this many real ms (CPython would
   * hang). Default 1000; `null` waits forever, as CPython does.
   */
  deadlockMs?: number | null;
  /**
   * How long (real ms) the loop runs before it gives the host a turn (its messages and timers),
   * checked every thousand or so handles. Default 30.
   */
  sliceMs?: number;
}

/** What the host is told when a run ends. */
export interface RunEnd {
  status: "finished" | "failed";
  /** Loop time at the end, seconds. */
  t: number;
  /** The error that escaped `run`, if any. */
  error: unknown;
}

export interface HostConfig {
  clock: ClockSpec;
  trace: TraceSubscriber | null;
  limits: Limits;
  onRunStart: (() => void) | null;
  onRunEnd: ((end: RunEnd) => void) | null;
}

export const config: HostConfig = {
  clock: "virtual",
  trace: null,
  limits: {},
  onRunStart: null,
  onRunEnd: null,
};

export const state = {
  loop: null as EventLoop | null,
  taskCounter: 0,
  /** The context of code outside any task or callback; made on first use. */
  topLevelContext: null as Context | null,
};

export function nextTaskNumber(): number {
  state.taskCounter += 1;
  return state.taskCounter;
}
