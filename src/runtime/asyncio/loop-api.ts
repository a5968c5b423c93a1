/**
 * The event loop as a program sees it: Python's `asyncio.AbstractEventLoop` (`events.py`), the
 * methods a reader calls on `asyncio.getRunningLoop()`. The class is `EventLoop` (`loop.ts`);
 * what the runtime's own files need from it on top of this is `LoopInternals`.
 */
import type { Context } from "./contextvars.ts";
import type { Future } from "./future.ts";
import type { Handle, TimerHandle } from "./handle.ts";
import type { Signals } from "./signals.ts";
import type { Coro, Task } from "./task.ts";
import type { TaskFactory, TaskOptions } from "./task-factory.ts";

/**
 * What `callExceptionHandler` receives: Python's context dict, with the same keys. Only
 * `message` is always there.
 */
export interface ExceptionContext {
  /** What went wrong, e.g. `"Task exception was never retrieved"`. */
  message: string;
  /** The exception, if there is one. */
  exception?: unknown;
  /** The future whose exception nobody retrieved. */
  future?: Future<unknown>;
  /** The task whose exception nobody retrieved (CPython puts a task under `future` too). */
  task?: Task<unknown>;
  /** The callback handle that raised. */
  handle?: Handle;
  [key: string]: unknown;
}

/** Python: the `handler(loop, context)` that `loop.set_exception_handler` takes. */
export type ExceptionHandler = (loop: AbstractEventLoop, context: ExceptionContext) => void;

/** Python: `asyncio.AbstractEventLoop`, the part of it this runtime has. */
export interface AbstractEventLoop {
  time(): number;
  callSoon<A extends unknown[]>(
    callback: (...args: A) => unknown,
    ...args: [...A] | [...A, { context: Context }]
  ): Handle;
  callLater<A extends unknown[]>(
    delay: number,
    callback: (...args: A) => unknown,
    ...args: [...A] | [...A, { context: Context }]
  ): TimerHandle;
  callAt<A extends unknown[]>(
    when: number,
    callback: (...args: A) => unknown,
    ...args: [...A] | [...A, { context: Context }]
  ): TimerHandle;
  createFuture<T = unknown>(): Future<T>;
  createTask<T>(coro: Coro<T>, options?: TaskOptions): Task<T>;
  setTaskFactory(factory: TaskFactory | null): void;
  getTaskFactory(): TaskFactory | null;
  runInExecutor<A extends unknown[], R>(
    executor: unknown,
    fn: (...args: A) => R | PromiseLike<R>,
    ...args: A
  ): Future<Awaited<R>>;
  addSignalHandler<A extends unknown[]>(
    sig: Signals | number,
    callback: (...args: A) => unknown,
    ...args: A
  ): void;
  removeSignalHandler(sig: Signals | number): boolean;
  callSoonThreadsafe<A extends unknown[]>(
    callback: (...args: A) => unknown,
    ...args: [...A] | [...A, { context: Context }]
  ): Handle;
  runForever(): Promise<void>;
  stop(): void;
  isRunning(): boolean;
  isClosed(): boolean;
  close(): void;
  setExceptionHandler(handler: ExceptionHandler | null): void;
  getExceptionHandler(): ExceptionHandler | null;
  callExceptionHandler(context: ExceptionContext): void;
  defaultExceptionHandler(context: ExceptionContext): void;
  getDebug(): boolean;
  setDebug(enabled: boolean): void;
  /** Python: `loop.slow_callback_duration`: in debug mode, a step this long (s) is reported. */
  slowCallbackDuration: number;
}
