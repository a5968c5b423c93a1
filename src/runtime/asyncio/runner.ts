/**
 * `Runner`: Python 3.11's `asyncio.Runner` (`runners.py`): one event loop that runs several
 * top-level coroutines in turn, and its shutdown. `asyncio.run` is built on it, as in CPython.
 *
 * The runner owns the loop's whole life: it makes the loop on first use (and tells the host,
 * `onRunStart`), runs each main task until it is done, and on `close()` cancels the tasks still
 * pending, reports exceptions nobody retrieved, closes the loop and tells the host (`onRunEnd`).
 */
import { makeClock } from "./clock.ts";
import { type Context, copyContext } from "./contextvars.ts";
import { formatErrorLines, RuntimeError } from "./errors.ts";
import { FINISHED, PENDING } from "./future.ts";
import { gather } from "./gather.ts";
import { EventLoop } from "./loop.ts";
import {
  getPyHandler,
  ProcessTerminated,
  removeAllSignalHandlers,
  setPyHandler,
} from "./signal-dispositions.ts";
import { KeyboardInterrupt, SIGINT } from "./signals.ts";
import { config, nextTaskNumber, state } from "./state.ts";
import { type Coro, Task } from "./task.ts";
import { nameCallback } from "./task-repr.ts";
import type { TraceEvent } from "./trace.ts";
import { AT_SHUTDOWN, reportUnretrieved } from "./unretrieved.ts";

const noop = (): void => {};

/**
 * Top-level runs happen one after another: a program that calls `run` twice without awaiting
 * the first gets them in order, as Python's blocking `asyncio.run` would.
 */
let queue: Promise<unknown> = Promise.resolve();

/** Queue `job` behind every top-level run before it; the promise is marked handled. */
export function enqueue<T>(job: () => Promise<T>): Promise<T> {
  const p = queue.then(job);
  queue = p.then(noop, noop);
  p.catch(noop);
  return p;
}

/** Without a trace subscriber, a run still shows its output: prints on stdout, errors on stderr. */
export function consoleReporter(ev: TraceEvent): void {
  if (ev.type === "print") console.log(ev.text);
  else if (ev.type === "exception") console.error(ev.lines.join("\n"));
  else if (ev.type === "loop-error")
    console.error(`Task exception was never retrieved: ${ev.text}`);
}

/** Throw as CPython does when a runner is used from inside a running loop. */
export function checkNotInLoop(what: string): void {
  if (state.loop?._runningHere())
    throw new RuntimeError(`${what} cannot be called from a running event loop`);
}

/**
 * Runs top-level coroutines on one event loop. Python: `asyncio.Runner()` (3.11); use it when a
 * program needs several `run`s that share a loop (tasks started by one run keep going in the
 * next). Close it when done (`await using` does it for you).
 * @example
 * await using runner = new asyncio.Runner();
 * await runner.run(first);   // with asyncio.Runner() as runner: runner.run(first())
 * await runner.run(second);  //                                   runner.run(second())
 */
export class Runner {
  #loop: EventLoop | null = null;
  #state: "initialized" | "open" | "closed" = "initialized";
  #trace: ((ev: TraceEvent) => void) | null = null;
  /** Every `run` without a `context` runs its main task here: a copy of the top level's. */
  #context: Context | null = null;
  /** An error escaping the program (set by `asyncio.run`), reported when the runner closes. */
  _escaped: { error: unknown } | null = null;
  /** Ctrl-Cs (SIGINT) received during the current `run`. */
  #interruptCount = 0;
  #debug: boolean | undefined;

  /**
   * Python: `asyncio.Runner(*, debug=None)`: `debug: true` turns the loop's debug mode on
   * (`loop.setDebug`), `false` off; left out, the loop's default (off).
   * @example
   * await using runner = new asyncio.Runner({ debug: true });
   */
  constructor(options?: { debug?: boolean }) {
    this.#debug = options?.debug;
  }

  /**
   * Run `main` as a task on the runner's loop until it is done; its result, or its exception.
   * Python: `runner.run(coro, *, context=None)`.
   * @example
   * const runner = new asyncio.Runner();
   * print(await runner.run(async () => 42)); // 42
   * await runner.close();
   */
  run<T>(main: Coro<T>, options?: { context?: Context }): Promise<T> {
    checkNotInLoop("Runner.run()");
    return enqueue(() => this._run(main, options?.context));
  }

  /**
   * The runner's loop (made on first use). Python: `runner.get_loop()`.
   * @example
   * const loop = runner.getLoop();
   */
  getLoop(): EventLoop {
    return this.#init();
  }

  /**
   * Cancel the tasks still pending, shut the loop down and close it. Python: `runner.close()`;
   * closing twice does nothing.
   * @example
   * const runner = new asyncio.Runner();
   * try { await runner.run(main); } finally { await runner.close(); }
   */
  close(): Promise<void> {
    return enqueue(() => this._close());
  }

  /** `await using runner = new asyncio.Runner()`: Python's `with asyncio.Runner() as runner:`. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  #init(): EventLoop {
    if (this.#state === "closed") throw new RuntimeError("Runner is closed");
    if (this.#loop) return this.#loop;
    const trace = config.trace ?? consoleReporter;
    const loop = new EventLoop(
      makeClock(config.clock),
      trace,
      { ...config.limits },
      config.trace !== null,
    );
    if (this.#debug !== undefined) loop.setDebug(this.#debug);
    this.#loop = loop;
    this.#trace = trace;
    this.#context = copyContext();
    this.#state = "open";
    state.loop = loop;
    config.onRunStart?.();
    return loop;
  }

  /** The body of `run`, already in the queue (`asyncio.run` calls it directly). */
  async _run<T>(main: Coro<T>, context: Context | undefined): Promise<T> {
    const loop = this.#init();
    state.loop = loop;
    const task = new Task(main, { loop, context: context ?? this.#context! });
    loop._mainTask = task as Task<unknown>;
    task.addDoneCallback(nameCallback(() => loop.stop(), "_run_until_complete_cb"));
    // Python 3.11+: Ctrl-C cancels the main task instead of raising KeyboardInterrupt wherever
    // the program happens to be; a second one raises at once. Only if nobody else handles SIGINT.
    let onSigint: (() => void) | null = null;
    if (getPyHandler(SIGINT) === null) {
      onSigint = () => this.#onSigint(loop, task as Task<unknown>);
      setPyHandler(SIGINT, onSigint);
    }
    this.#interruptCount = 0;
    try {
      // CPython's run_until_complete: run until the main task is done, then hand over its outcome.
      await loop._runUntilStopped();
      if (!task.done()) throw new RuntimeError("Event loop stopped before Future completed.");
      task._logTraceback = false;
      if (task.cancelled()) {
        // Cancelled by Ctrl-C alone (no other cancel left pending): the program was interrupted.
        if (this.#interruptCount > 0 && task.uncancel() === 0) throw new KeyboardInterrupt();
        throw task._makeCancelledError();
      }
      if (task._hasException) throw task._exception;
      return task._result as T;
    } finally {
      if (onSigint && getPyHandler(SIGINT) === onSigint) setPyHandler(SIGINT, null);
    }
  }

  /** CPython's `Runner._on_sigint`. */
  #onSigint(loop: EventLoop, main: Task<unknown>): void {
    this.#interruptCount += 1;
    if (this.#interruptCount === 1 && !main.done()) {
      main.cancel();
      loop.callSoon(noop); // CPython wakes the loop with call_soon_threadsafe(lambda: None)
      return;
    }
    throw new KeyboardInterrupt();
  }

  /** The body of `close`, already in the queue. */
  async _close(): Promise<void> {
    if (this.#state !== "open") {
      this.#state = "closed";
      return;
    }
    const loop = this.#loop!;
    let failure = this._escaped;
    const killed = failure?.error instanceof ProcessTerminated;
    try {
      // A process ended by a signal runs no shutdown at all.
      if (!killed) {
        await cancelAllTasks(loop);
        reportUnretrieved(loop);
        // CPython runs `loop.shutdown_asyncgens()` and `loop.shutdown_default_executor()` as two
        // tasks here, so a later run's tasks are numbered after them. There are no async
        // generators or executor threads to wait for here: only their two numbers are taken.
        nextTaskNumber();
        nextTaskNumber();
      }
    } catch (e) {
      failure ??= { error: e };
    }
    loop._flushLine();
    removeAllSignalHandlers(loop);
    loop._closed = true;
    this.#state = "closed";
    if (state.loop === loop) state.loop = null;
    const t = loop.time();
    if (this._escaped && !killed)
      this.#trace!({ type: "exception", t, lines: formatErrorLines(failure!.error) });
    config.onRunEnd?.({
      status: failure ? "failed" : "finished",
      t,
      error: failure ? failure.error : null,
    });
    if (failure && !this._escaped) throw failure.error;
  }
}

/** CPython's `runners._cancel_all_tasks`: cancel what is left, let it finish, report failures. */
async function cancelAllTasks(loop: EventLoop): Promise<void> {
  // The tasks still running: shutdown cancels them, and reports their failures itself.
  const toCancel = [...loop._tasks].filter((t) => t._state === PENDING);
  if (toCancel.length === 0) return;
  for (const t of toCancel) {
    t._holding = AT_SHUTDOWN; // its failure is reported below, not as "never retrieved"
    t.cancel();
  }
  const outer = gather(...toCancel, { returnExceptions: true });
  outer.addDoneCallback(() => loop.stop());
  await loop._runUntilStopped();
  for (const t of toCancel) {
    if (t._state !== FINISHED || !t._hasException) continue;
    t._logTraceback = false;
    loop.callExceptionHandler({
      message: "unhandled exception during asyncio.run() shutdown",
      exception: t._exception,
      task: t,
    });
  }
}
