/**
 * Runs one compiled reader program on the asyncio runtime: configures the clock, the trace and
 * the limits, installs the reader's globals, imports the module, and waits until the program is
 * over (no run active, no timer of its own pending). Shared by the worker (the page) and node
 * (the parity tests and `scripts/run-example.ts`), so both run a program the same way.
 */

import type { ClockSpec } from "../runtime/asyncio/clock.ts";
import * as asyncio from "../runtime/asyncio/index.ts";
import type { RunEnd } from "../runtime/asyncio/state.ts";
import type { TraceEvent } from "../runtime/asyncio/trace.ts";
import { describeThrown, toRunError, UNPRINTABLE } from "./error-info.ts";
import { installGlobals, type ProgramTimers } from "./globals.ts";
import { LIMITS } from "./limits.ts";
import type { RunError, RunOptions, RunStatus, Speed } from "./protocol.ts";

export interface ProgramHooks {
  /** Every trace event, in order. */
  onEvent(event: TraceEvent): void;
  /** An error outside the transcript: thrown from a timer callback, an unhandled rejection. */
  onError(t: number, error: RunError, origin: "uncaught" | "unhandled-rejection"): void;
  /** Imports the compiled module from a URL (blob: in the worker, data: in node). */
  moduleUrl(code: string): string;
  /** A real macrotask tick (the reader's globals replace setTimeout, so take it beforehand). */
  tick(): Promise<void>;
  /**
   * A stray error could not be turned into text (its `toString` or a getter threw): the host
   * should end the run now with this end, since the program's state cannot be reported.
   */
  onUnprintable?(end: ProgramEnd): void;
}

export interface ProgramEnd {
  status: RunStatus;
  t: number;
  error: RunError | null;
  detail: string;
}

/**
 * At Instant, one virtual clock for the whole program, as CPython's monotonic clock (and the
 * recorder's virtual one) is one for all its loops: a second `asyncio.run`, or a test runner's
 * fresh loop per test, starts at the time the last one ended, not at 0.
 */
function clockFor(speed: Speed): ClockSpec {
  return speed === "instant" ? new asyncio.VirtualClock() : speed === "10x" ? "scaled" : "real";
}

let currentUrl: string | null = null;
let lastTime = 0;

/** The running loop's time, or the time the last run ended at. */
function loopTime(): number {
  if (asyncio.host.isRunning()) lastTime = asyncio.getRunningLoop().time();
  return lastTime;
}

/** Reports an unhandled rejection or uncaught error of the reader's code (hooked by the host). */
export function reportStray(
  hooks: ProgramHooks,
  thrown: unknown,
  origin: "uncaught" | "unhandled-rejection",
): void {
  const { error, printable } = describeThrown(thrown, currentUrl);
  hooks.onError(loopTime(), error, origin);
  if (!printable)
    hooks.onUnprintable?.({ status: "failed", t: loopTime(), error: null, detail: UNPRINTABLE });
}

/** A program's module: the URL it is imported from, and what evaluates it. */
export interface ProgramModule {
  url: string;
  /** Runs the module's code; settles as `import()` of it does. */
  evaluate(): Promise<unknown>;
}

/** Imports `code` as a module and runs it to its end (see `runModule`). */
export function runProgram(
  code: string,
  options: RunOptions,
  hooks: ProgramHooks,
): Promise<ProgramEnd> {
  const url = hooks.moduleUrl(code);
  return runModule({ url, evaluate: () => import(/* @vite-ignore */ url) }, options, hooks);
}

/**
 * Installs what reader code finds besides asyncio (`print`, timers, the simulated services), in
 * their start state. A worker may do it while it waits for its run (it takes milliseconds: the
 * services' start states), since no reader code runs before the program does.
 */
export function installReaderGlobals(hooks: ProgramHooks): ProgramTimers {
  return installGlobals(asyncio, (error) => reportStray(hooks, error, "uncaught"));
}

/**
 * Runs a program's module at `options.speed`, the runtime following CPython `options.python`:
 * the runtime is configured and the reader's globals are in place (`globals`: installed beforehand by `installReaderGlobals`, else now) before any of its
 * code runs; resolves when the program is over.
 */
export async function runModule(
  module: ProgramModule,
  { speed, python }: RunOptions,
  hooks: ProgramHooks,
  globals?: ProgramTimers,
): Promise<ProgramEnd> {
  let active = 0;
  let last: RunEnd | null = null;
  let started = false;
  let wake: (() => void) | null = null;
  asyncio.configure({
    clock: clockFor(speed),
    python,
    trace: (event) => hooks.onEvent(event),
    limits:
      speed === "instant"
        ? { maxTime: LIMITS.maxVirtualSeconds, maxSteps: LIMITS.maxSteps }
        : { deadlockMs: null },
    onRunStart: () => {
      active += 1;
      started = true;
    },
    onRunEnd: (end) => {
      active -= 1;
      last = end;
      lastTime = end.t;
      wake?.();
    },
  });
  const timers = globals ?? installReaderGlobals(hooks);

  currentUrl = module.url;
  try {
    await module.evaluate();
  } catch (error) {
    return {
      status: "failed",
      t: loopTime(),
      error: toRunError(error, currentUrl),
      detail: "the program raised an error",
    };
  }
  // Over when no run is active and no timer of the program's own is pending; a run may start
  // another as it ends, so look again after a real tick.
  for (;;) {
    if (active > 0) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      continue;
    }
    await hooks.tick();
    if (active > 0) continue;
    if (timers.pending() === 0) break;
    await timers.idle();
  }
  const final = last as RunEnd | null;
  if (!started)
    return {
      status: "finished",
      t: 0,
      error: null,
      detail: "the program did not call asyncio.run",
    };
  if (final?.status === "failed") {
    // The transcript already shows the exception; this adds where the reader's code raised it.
    const error = final.error == null ? null : toRunError(final.error, currentUrl);
    return { status: "failed", t: final.t, error, detail: "an exception escaped asyncio.run" };
  }
  return { status: "finished", t: final?.t ?? 0, error: null, detail: "finished" };
}
