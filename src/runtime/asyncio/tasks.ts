/**
 * Creating and finding tasks: `createTask`, `ensureFuture`, `currentTask`, `allTasks`,
 * `getRunningLoop`.
 */
import { RuntimeError } from "./errors.ts";
import { Future } from "./future.ts";
import type { EventLoop } from "./loop.ts";
import { state } from "./state.ts";
import type { Coro, Task } from "./task.ts";
import { createTaskOnLoop, type TaskOptions } from "./task-factory.ts";

/** Anything the runtime can await or wrap in a task. */
export type Awaitable<T> = Future<T> | Coro<T>;

/**
 * The running event loop; throws `RuntimeError('no running event loop')` outside one.
 * Python: `asyncio.get_running_loop()`.
 * @example
 * const loop = asyncio.getRunningLoop();
 * print(loop.time());
 */
export function getRunningLoop(): EventLoop {
  const loop = state.loop;
  if (!loop?.isRunning()) throw new RuntimeError("no running event loop");
  return loop;
}

/**
 * Schedule `coro` as a task; it starts on a later loop iteration, in creation order, in a copy
 * of the current context (or `context`). Python: `asyncio.create_task(coro, *, name=None,
 * context=None)`. A named task takes a `Task-N` number too before Python 3.13 (it was made
 * unnamed, then renamed), so the next unnamed task's number shows which version runs. With
 * the eager task factory (`loop.setTaskFactory(asyncio.eagerTaskFactory)`, 3.12) or 3.14's
 * `{ eagerStart: true }`, it starts at once instead, inside this call.
 *
 * Pass a *function to call* (`() => worker(1)`): the task calls it on its first step, so nothing
 * runs before the loop gets there, as with a Python coroutine. Passing a promise (`worker(1)`)
 * also works, but a JS async function starts running the moment it is called: its code up to
 * the first `await` has already run, in the caller's step, and the loop only learns the outcome.
 * @example
 * const t = asyncio.createTask(() => worker(1), { name: "w1" });
 * print(await t);
 */
export function createTask<T>(coro: Coro<T>, options?: TaskOptions): Task<T> {
  const loop = getRunningLoop();
  if (coro instanceof Future) throw new TypeError("a coroutine was expected, got a Future");
  if (
    typeof coro !== "function" &&
    (typeof coro !== "object" ||
      coro === null ||
      typeof (coro as { then?: unknown }).then !== "function")
  ) {
    throw new TypeError(`a coroutine was expected, got ${String(coro)}`);
  }
  return createTaskOnLoop(loop, coro, options);
}

/**
 * A Future for `aw`: a Future or Task as it is, anything else wrapped in a new task.
 * Python: `asyncio.ensure_future(aw)`.
 * @example
 * const f = asyncio.ensureFuture(() => work()); // a Task
 */
export function ensureFuture<T>(aw: Awaitable<T>): Future<T> {
  if (aw instanceof Future) return aw;
  const a = aw as unknown;
  const awaitable =
    typeof a === "function" ||
    (typeof a === "object" && a !== null && typeof (a as { then?: unknown }).then === "function");
  if (!awaitable) throw new TypeError("An asyncio.Future, a coroutine or an awaitable is required");
  const loop = state.loop;
  if (!loop) throw new RuntimeError("no running event loop");
  // CPython's `loop.create_task(coro)`: through the loop's task factory, if it has one.
  return loop.createTask(aw);
}

/**
 * The task running now, or `null` in a `callSoon` callback. Outside a running loop it throws
 * `RuntimeError('no running event loop')`, as Python does.
 * Python: `asyncio.current_task()`.
 * @example
 * print(asyncio.currentTask()?.getName()); // Task-1
 */
export function currentTask(): Task<unknown> | null {
  return getRunningLoop()._currentTask();
}

/**
 * The tasks of the running loop that are not done yet. Python: `asyncio.all_tasks()`.
 * @example
 * print(asyncio.allTasks().size);
 */
export function allTasks(): Set<Task<unknown>> {
  const loop = getRunningLoop();
  return new Set([...loop._tasks].filter((t) => t._state === 0));
}
