/**
 * asyncio for TypeScript: a port of Python's asyncio that runs one task step at a time, like
 * CPython's event loop, so the same program prints the same transcript.
 *
 * Reader code: `import * as asyncio from "asyncio"`. Python names in camelCase; times in seconds.
 */
export { type Clock, type ClockSpec, RealClock, ScaledClock, VirtualClock } from "./clock.ts";
export {
  BaseExceptionGroup,
  BrokenBarrierError,
  CancelledError,
  ExceptionGroup,
  InvalidStateError,
  KeyError,
  QueueEmpty,
  QueueFull,
  RuntimeError,
  TimeoutError,
  ValueError,
} from "./errors.ts";
export { PY_REPR, pyRepr, pyStr } from "./format.ts";
export { type DoneCallback, Future, isFuture } from "./future.ts";
export { GatheringFuture, type GatherOptions, gather } from "./gather.ts";
export { Handle, TimerHandle } from "./handle.ts";
export * as host from "./host.ts";
export { configure, type HostOptions, type Limits, type RunEnd, resetRuntime } from "./host.ts";
export { EventLoop } from "./loop.ts";
export { type PrintOptions, print, write } from "./print.ts";
export { run } from "./run.ts";
export { blockingSleep, Sleep, sleep } from "./sleep.ts";
export { type Coro, Task } from "./task.ts";
export {
  type Awaitable,
  allTasks,
  createTask,
  currentTask,
  ensureFuture,
  getRunningLoop,
} from "./tasks.ts";
export type { TraceEvent, TraceEventType, TraceSubscriber } from "./trace.ts";
export { transcript, transcriptLines } from "./transcript.ts";
