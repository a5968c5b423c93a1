/**
 * `newEventLoop`: Python's `asyncio.new_event_loop()`, a loop the program runs and closes itself
 * (`loop.runForever()`, `loop.stop()`, `loop.close()`) instead of through `asyncio.run`. It is
 * what a program needs to keep a loop running beside its synchronous code, as Python programs
 * keep one in a second thread.
 */
import { makeClock } from "./clock.ts";
import { EventLoop } from "./loop.ts";
import { consoleReporter } from "./runner.ts";
import { removeAllSignalHandlers } from "./signal-dispositions.ts";
import { config, state } from "./state.ts";

/**
 * A new event loop, not running yet. Python: `asyncio.new_event_loop()`. Run it with
 * `loop.runForever()` (it runs beside the code that started it, as a Python loop runs in a
 * thread of its own), stop it with `loop.callSoonThreadsafe(() => loop.stop())`, and close it
 * with `loop.close()`. The page counts the program as running until the loop is closed.
 * @example
 * const loop = asyncio.newEventLoop();
 * const thread = loop.runForever();
 * const future = asyncio.runCoroutineThreadsafe(() => fetchPrice("apple"), loop);
 * print(await future.result({ timeout: 2 }));
 * loop.callSoonThreadsafe(() => loop.stop());
 * await thread;
 * loop.close();
 */
export function newEventLoop(): EventLoop {
  const trace = config.trace ?? consoleReporter;
  const loop = new EventLoop(
    makeClock(config.clock),
    trace,
    { ...config.limits },
    config.trace !== null,
  );
  // The runtime stamps output with one loop's time and tasks: the newest loop's.
  state.loop = loop;
  config.onRunStart?.();
  loop._onClose = () => {
    removeAllSignalHandlers(loop);
    if (state.loop === loop) state.loop = null;
    config.onRunEnd?.({ status: "finished", t: loop.time(), error: null });
  };
  return loop;
}
