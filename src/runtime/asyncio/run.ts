/**
 * `run`: Python's `asyncio.run(main())`: a fresh loop, the main task (`Task-1`), and the same
 * shutdown as CPython's `asyncio.Runner` (cancel what is left, report what was never retrieved).
 */
import { makeClock } from "./clock.ts";
import { formatError, formatErrorLines, RuntimeError } from "./errors.ts";
import { gather } from "./gather.ts";
import { EventLoop } from "./loop.ts";
import { config, state } from "./state.ts";
import { type Coro, reportUnretrieved, Task } from "./task.ts";
import type { TraceEvent } from "./trace.ts";

const noop = (): void => {};
let queue: Promise<unknown> = Promise.resolve();

/** Without a trace subscriber, a run still shows its output: prints on stdout, errors on stderr. */
function consoleReporter(ev: TraceEvent): void {
  if (ev.type === "print") console.log(ev.text);
  else if (ev.type === "exception") console.error(ev.lines.join("\n"));
  else if (ev.type === "loop-error")
    console.error(`Task exception was never retrieved: ${ev.text}`);
}

/**
 * Run `main` on a new event loop until it completes, then cancel the tasks still pending, and
 * return its result. Python: `asyncio.run(main())`. `main` is `Task-1`.
 *
 * Pass the function itself (`run(main)`), not `run(main())`: then `main` starts on the loop's
 * first step, as a Python coroutine does. The returned promise is already marked handled: an
 * error escaping `main` is reported once (as the trace's `exception` event, or on stderr), and
 * still rejects the promise for those who await it. A second `run` started while one is running
 * waits for it to end; calling `run` from inside a running task throws
 * `RuntimeError: asyncio.run() cannot be called from a running event loop`, as in Python.
 * @example
 * async function main() {
 *   print("hello");
 *   await asyncio.sleep(1);
 *   print("world");
 * }
 * asyncio.run(main);
 */
export function run<T>(main: Coro<T>): Promise<T> {
  const current = state.loop;
  if (current?._runningHere()) {
    throw new RuntimeError("asyncio.run() cannot be called from a running event loop");
  }
  const p = queue.then(() => runNow(main));
  queue = p.then(noop, noop);
  p.catch(noop);
  return p;
}

async function cancelAllTasks(loop: EventLoop): Promise<void> {
  const toCancel = [...loop._tasks].filter((t) => !t._state);
  if (toCancel.length === 0) return;
  for (const t of toCancel) t.cancel();
  const outer = gather(...toCancel, { returnExceptions: true });
  outer.addDoneCallback(() => loop.stop());
  await loop._runUntilStopped();
  for (const t of toCancel) {
    if (t._state !== 1 || !t._hasException) continue;
    t._logTraceback = false;
    loop._loopError(formatError(t._exception));
  }
}

async function runNow<T>(main: Coro<T>): Promise<T> {
  const trace = config.trace ?? consoleReporter;
  const loop = new EventLoop(
    makeClock(config.clock),
    trace,
    { ...config.limits },
    config.trace !== null,
  );
  state.loop = loop;
  config.onRunStart?.();
  let task: Task<T> | null = null;
  let failure: { error: unknown } | null = null;
  try {
    task = new Task(main, { loop });
    loop._mainTask = task as Task<unknown>;
    task._touched = true;
    task.addDoneCallback(() => loop.stop());
    await loop._runUntilStopped();
    if (!task.done()) throw new RuntimeError("Event loop stopped before Future completed.");
    task._logTraceback = false; // run_until_complete retrieves the result
    await cancelAllTasks(loop);
    reportUnretrieved(loop);
  } catch (e) {
    failure = { error: e };
  }
  loop._flushLine();
  loop._closed = true;
  if (state.loop === loop) state.loop = null;
  if (!failure && task) {
    if (task.cancelled()) failure = { error: task._makeCancelledError() };
    else if (task._hasException) failure = { error: task._exception };
  }
  const t = loop.time();
  if (failure) trace({ type: "exception", t, lines: formatErrorLines(failure.error) });
  config.onRunEnd?.({
    status: failure ? "failed" : "finished",
    t,
    error: failure ? failure.error : null,
  });
  if (failure) throw failure.error;
  return task!._result as T;
}
