/**
 * The program's clock outside the loop, for the sandbox's helpers that measure across several
 * loops (a test runner's fresh loop per test), as Python's `time.perf_counter()` does.
 */
import { config, state } from "./state.ts";

/**
 * Seconds on the program's clock: the current loop's time, else the clock all runs share (the
 * sandbox's virtual clock), else 0 (each run has a clock of its own). Python: `time.perf_counter()`.
 * @example
 * const start = programTime();
 * await asyncio.run(main);
 * print(`${(programTime() - start).toFixed(2)}s`);
 */
export function programTime(): number {
  const loop = state.loop;
  if (loop && !loop._closed) return loop.time();
  return typeof config.clock === "object" ? config.clock.now() : 0;
}
