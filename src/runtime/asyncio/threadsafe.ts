/**
 * `runCoroutineThreadsafe`: Python's `asyncio.run_coroutine_threadsafe(coro, loop)`, how code
 * outside a loop (another thread, in Python) hands it a coroutine and waits for the outcome.
 * The chaining follows CPython's `futures._chain_future` between a task and a
 * `concurrent.futures.Future`.
 */
import { ConcurrentCancelledError, ConcurrentFuture } from "./concurrent-future.ts";
import { CancelledError } from "./errors.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
import type { LoopInternals } from "./loop-internals.ts";
import type { Coro, Task } from "./task.ts";

/** CPython's `_set_concurrent_future_state`: copy a done task's outcome to the thread's future. */
function copyOutcome<T>(future: ConcurrentFuture<T>, task: Task<T>): void {
  if (task.cancelled()) future.cancel();
  if (!future.setRunningOrNotifyCancel()) return;
  const exception = task.exception();
  if (exception === null) future.setResult(task.result());
  else
    future.setException(
      exception instanceof CancelledError
        ? new ConcurrentCancelledError(...exception.args)
        : exception,
    );
}

/**
 * Schedule `coro` as a task on `loop` from outside it, and get a `ConcurrentFuture` for its
 * outcome (not an asyncio future: wait on it with `result()`, do not await it). Cancelling that
 * future cancels the task. Python: `asyncio.run_coroutine_threadsafe(coro, loop)`.
 * @example
 * const loop = asyncio.newEventLoop();
 * const thread = loop.runForever();
 * const future = asyncio.runCoroutineThreadsafe(() => fetchPrice("apple"), loop);
 * print(await future.result({ timeout: 2 })); // future.result(timeout=2)
 */
export function runCoroutineThreadsafe<T>(
  coro: Coro<T>,
  loop: AbstractEventLoop,
): ConcurrentFuture<Awaited<T>> {
  const awaitable =
    typeof coro === "function" ||
    (typeof coro === "object" &&
      coro !== null &&
      typeof (coro as { then?: unknown }).then === "function");
  if (!awaitable) throw new TypeError("A coroutine object is required");
  const future = new ConcurrentFuture<Awaited<T>>(loop as LoopInternals);
  loop.callSoonThreadsafe(() => {
    let task: Task<Awaited<T>>;
    try {
      task = loop.createTask(coro as Coro<Awaited<T>>);
    } catch (exc) {
      if (future.setRunningOrNotifyCancel()) future.setException(exc);
      throw exc;
    }
    // The thread cancels its future: cancel the task on its loop.
    future.addDoneCallback((f) => {
      if (f.cancelled()) loop.callSoonThreadsafe(() => task.cancel());
    });
    task.addDoneCallback(() => copyOutcome(future, task));
  });
  return future;
}
