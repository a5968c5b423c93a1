/**
 * The loop as the runtime's own files see it: the public loop (`AbstractEventLoop`) plus what
 * futures, tasks, `sleep`, `print`, threads and the runner need to drive it. This is the one
 * contract between the loop and the rest of the runtime (CPython's `futures.py` only calls
 * `loop.call_soon`; a JavaScript task needs a little more because the loop must know when a JS
 * step ends). Files import this interface, never the `EventLoop` class, for anything but its
 * construction.
 *
 * A step, as the loop sees it: the loop runs one ready handle; if it belongs to a task it calls
 * `_beginStep`, the task's JS runs until it awaits a pending future (`Future.then` asks
 * `_taskForAwait` whose await it is and calls `_park`) or its promise settles (`_taskFinished`);
 * either ends the step and the loop runs the next handle.
 */
import type { Clock } from "./clock.ts";
import type { Waiter } from "./future.ts";
import type { Handle, Runnable, TimerHandle } from "./handle.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
import type { Task } from "./task.ts";
import type { TaskFactory } from "./task-factory.ts";
import type { TraceEvent } from "./trace.ts";

export type AnyTask = Task<unknown>;

export interface LoopInternals extends AbstractEventLoop {
  readonly _clock: Clock;
  /** Emit task events (created/started/suspended/…)? Prints and errors are always emitted. */
  readonly _traceTasks: boolean;
  /** The loop's tasks that are not done yet (`asyncio.all_tasks`). */
  readonly _tasks: Set<AnyTask>;
  /** The task `asyncio.run` / `Runner.run` waits for (its failure is never "unretrieved"). */
  _mainTask: AnyTask | null;
  _closed: boolean;
  /** The task whose step is running, or null. */
  readonly _stepping: AnyTask | null;
  /** The factory `createTask` uses (`setTaskFactory`), or null. */
  _taskFactory: TaskFactory | null;
  /** Tasks wrapping an eager promise that has not settled: virtual time waits for them. */
  _eager: number;

  /** Failed unread tasks that no task holds: reported when the runner closes (`unretrieved.ts`). */
  _unretrieved: AnyTask[];

  // ---- trace and output
  _emit(ev: TraceEvent): void;
  /** One `LOOP-ERROR` line: what the default exception handler prints. */
  _loopError(text: string): void;
  /** One line the `asyncio` logger writes (`WARNING:asyncio:…`), outside any task. */
  _logLine(text: string): void;
  _emitSuspended(task: AnyTask, on: string): void;
  /** Write text to the output; each line is stamped with the time and task of its first character. */
  _write(text: string): void;
  /** End the output's unfinished line (at the end of a run). */
  _flushLine(): void;

  // ---- who is running
  /** The current task, as Python's `current_task()` would see it. */
  _currentTask(): AnyTask | null;
  /** The task a `then` on a pending future belongs to (null: a plain callback, or no task). */
  _taskForAwait(): AnyTask | null;
  /** Is code of this loop (a step or a callback) on the JS stack right now? */
  _runningHere(): boolean;

  // ---- scheduling
  /** Run `h` in the next iteration. */
  _pushReady(h: Runnable): void;
  /** Put a timer on the heap. */
  _timer(h: TimerHandle): TimerHandle;
  /** Schedule a task's step (its first step, or a resume) for the next iteration. */
  _scheduleStep(task: AnyTask, fn: (arg: unknown) => void, arg: unknown): void;
  /** A host callback that runs as part of `task` when that task waits on a foreign awaitable. */
  _scheduleFor(task: AnyTask | null, delay: number | null, fn: () => void): Handle;
  /** Something outside the loop (a thread) will call `_endExternal`; virtual time waits for it. */
  _beginExternal(): void;
  _endExternal(fn: () => void): void;

  // ---- steps
  _beginStep(task: AnyTask, first: boolean): void;
  /** `task` awaits the pending future of `w` (or, `immediate`, yields once): its step ends here. */
  _park(task: AnyTask, w: Waiter, immediate?: boolean): void;
  /** The promise of the step's `sleep(0)` yield, while it may still be withdrawn, or null. */
  readonly _yieldPromise: Promise<undefined> | null;
  /** `sleep(0)` in the step in progress: yield now; the promise to await, or null (see `loop.ts`). */
  _yieldStep(): Promise<undefined> | null;
  /** `promise` was this step's yield, given to a `Task` as its coroutine: the step did not yield. */
  _withdrawYield(promise: unknown): boolean;
  /** Python 3.12's eager start: run `task`'s first step now, inside the current step. */
  _eagerStart(task: AnyTask): void;
  /** Is `task`'s eager first step the one running now? */
  _inEagerStep(task: AnyTask): boolean;
  /** The step ended without parking (an eager task waiting on its promise). */
  _endStepNow(): void;
  _taskFinished(task: AnyTask): void;

  // ---- running (for the runner)
  /** Run iterations until `stop()` takes effect (CPython's `run_forever`). */
  _runUntilStopped(): Promise<void>;
}
