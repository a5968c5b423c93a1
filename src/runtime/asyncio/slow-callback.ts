/**
 * Debug mode's slow-callback warning: `Executing <Task …> took 0.250 seconds`, logged when one
 * callback or one task step holds the loop for `loop.slowCallbackDuration` seconds or more.
 *
 * CPython's `_run_once` times each handle on the loop's own clock (`self.time()`), so on the
 * virtual clock only what advances it counts: a blocking `time.sleep` (`asyncio.blockingSleep`
 * here), never the JavaScript the step runs. A step here ends after its task parks or returns,
 * which may be a few microtasks after its handle ran, so the loop starts the measure when it runs
 * the handle and ends it when the step has ended (`EventLoop._pump`), before the next handle,
 * where CPython logs it.
 */
import { formatTime } from "./format.ts";
import { Handle, type Runnable } from "./handle.ts";
import type { LoopInternals } from "./loop-internals.ts";
import { handleRepr, taskRepr } from "./task-repr.ts";

/** Python: `loop.slow_callback_duration`'s default, 100 ms. */
export const DEFAULT_SLOW_CALLBACK_DURATION = 0.1;

/** CPython's `base_events._format_handle`: a task step shows its task, a callback itself. */
function formatHandle(h: Runnable): string {
  if (h._task !== null) return taskRepr(h._task);
  return h instanceof Handle ? handleRepr(h) : "<Handle <then>()>";
}

/**
 * The handle `h` ran from `start` (loop time) until now: warn if that was slow. What CPython
 * logs at WARNING on the `asyncio` logger appears as `logging.basicConfig()` prints it.
 * @example
 * checkSlowCallback(loop, handle, start); // WARNING:asyncio:Executing <Task …> took 0.250 seconds
 */
export function checkSlowCallback(loop: LoopInternals, h: Runnable, start: number): void {
  const took = loop.time() - start;
  if (took < loop.slowCallbackDuration) return;
  loop._logLine(`WARNING:asyncio:Executing ${formatHandle(h)} took ${formatTime(took)} seconds`);
}
