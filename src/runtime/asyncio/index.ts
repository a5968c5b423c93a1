/**
 * asyncio for TypeScript: a port of Python's asyncio that runs one task step at a time, like
 * CPython's event loop, so the same program prints the same transcript.
 *
 * Reader code: `import * as asyncio from "asyncio"`. Python names in camelCase; times in seconds.
 */
export { Barrier } from "./barrier.ts";
export { Bytes } from "./bytes.ts";
export { type Clock, type ClockSpec, RealClock, ScaledClock, VirtualClock } from "./clock.ts";
export { ConcurrentCancelledError, ConcurrentFuture } from "./concurrent-future.ts";
export { Condition } from "./condition.ts";
export * as contextvars from "./contextvars.ts";
export {
  AttributeError,
  BaseExceptionGroup,
  BrokenBarrierError,
  CancelledError,
  ExceptionGroup,
  InvalidStateError,
  KeyError,
  LookupError,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  RuntimeError,
  TimeoutError,
  ValueError,
} from "./errors.ts";
export { Event } from "./event.ts";
export { PY_REPR, pyRepr, pyStr } from "./format.ts";
export { type DoneCallback, Future, isFuture, Lazy } from "./future.ts";
export { GatheringFuture, type GatherOptions, gather } from "./gather.ts";
export { Handle, TimerHandle } from "./handle.ts";
export type { Held } from "./hold.ts";
export * as host from "./host.ts";
export { configure, type HostOptions, type Limits, type RunEnd, resetRuntime } from "./host.ts";
export { Lock } from "./lock.ts";
export { type CallbackOptions, EventLoop } from "./loop.ts";
export type { AbstractEventLoop, ExceptionContext, ExceptionHandler } from "./loop-api.ts";
export { networkSettings, resetNetwork } from "./network-settings.ts";
export { newEventLoop } from "./new-event-loop.ts";
export * as os from "./os.ts";
export { type PrintOptions, print, write } from "./print.ts";
export { FileNotFoundError, PermissionError, ProcessLookupError } from "./process-errors.ts";
export { LifoQueue, PriorityQueue, Queue } from "./queue.ts";
export { run } from "./run.ts";
export { Runner } from "./runner.ts";
export { BoundedSemaphore, Semaphore } from "./semaphore.ts";
export { ListeningSocket, Server } from "./server.ts";
export { shield } from "./shield.ts";
export * as signal from "./signals.ts";
export { KeyboardInterrupt } from "./signals.ts";
export { blockingSleep, Sleep, sleep } from "./sleep.ts";
export {
  BrokenPipeError,
  ConnectionError,
  ConnectionRefusedError,
  ConnectionResetError,
  IncompleteReadError,
  LimitOverrunError,
  OSError,
} from "./stream-errors.ts";
export {
  type ClientConnected,
  openConnection,
  StreamReader,
  StreamReaderProtocol,
  StreamWriter,
  startServer,
} from "./streams.ts";
export * as subprocess from "./subprocess.ts";
export {
  createSubprocessExec,
  createSubprocessShell,
  Process,
  type SubprocessOptions,
} from "./subprocess.ts";
export { type Coro, Task } from "./task.ts";
export {
  createEagerTaskFactory,
  eagerTaskFactory,
  type TaskConstructor,
  type TaskFactory,
  type TaskOptions,
} from "./task-factory.ts";
export { TaskGroup } from "./taskgroup.ts";
export {
  type Awaitable,
  allTasks,
  createTask,
  currentTask,
  ensureFuture,
  getRunningLoop,
} from "./tasks.ts";
export { ThreadError, toThread } from "./threads.ts";
export { runCoroutineThreadsafe } from "./threadsafe.ts";
export { Timeout, timeout, timeoutAt, waitFor } from "./timeouts.ts";
export type { TraceEvent, TraceEventType, TraceSubscriber } from "./trace.ts";
export { transcript, transcriptLines } from "./transcript.ts";
export type { Protocol, Transport } from "./transport-api.ts";
export {
  ALL_COMPLETED,
  AsCompleted,
  asCompleted,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  type ReturnWhen,
  type WaitOptions,
  wait,
} from "./wait.ts";
