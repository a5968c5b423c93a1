/**
 * Task factories (`loop.set_task_factory`), and the one asyncio ships: the eager task factory of
 * Python 3.12, whose tasks run their first step inside `create_task` instead of on a later
 * iteration. How the loop runs that first step is `_eagerStart` in `loop.ts`.
 *
 * Every task the program makes reaches the factory the way its CPython version makes it:
 * `asyncio.create_task`, `TaskGroup.create_task`, `gather`, `wait`, `shield`, `ensure_future`
 * all call `loop.create_task`, which calls the factory (`createTaskOnLoop`).
 */
import type { Context } from "./contextvars.ts";
import { AttributeError } from "./errors.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
import { since } from "./python-version.ts";
import { type Coro, Task } from "./task.ts";

/** The keywords a task is made with: `name=`, `context=`, and 3.14's `eager_start=`. */
export interface TaskOptions {
  name?: string | undefined;
  context?: Context | undefined;
  /** Python 3.14: `create_task(coro, eager_start=True)`; a TypeError before. */
  eagerStart?: boolean | undefined;
}

/**
 * Python: the `factory(loop, coro, **kwargs)` that `loop.set_task_factory` takes; it must return
 * a Task. Before 3.14 it receives only `context` (and only when one was given).
 */
export type TaskFactory = (
  loop: AbstractEventLoop,
  coro: Coro<unknown>,
  options?: TaskOptions,
) => Task<unknown>;

/** A constructor with `Task`'s signature, for `createEagerTaskFactory`. */
export type TaskConstructor = new (
  coro: Coro<unknown>,
  options: TaskOptions & { loop: AbstractEventLoop },
) => Task<unknown>;

function missing(name: string): AttributeError {
  return new AttributeError(`module 'asyncio' has no attribute '${name}'`);
}

/** Before 3.12 `asyncio` has no eager task factory: reaching for one is an AttributeError. */
export function checkEagerTasks(name: string): void {
  if (!since("eagerTaskFactory")) throw missing(name);
}

/** Before 3.14 a task factory is called with `context` alone; since, with every keyword. */
function factoryOptions(options: TaskOptions | undefined): TaskOptions | undefined {
  if (since("createTaskEagerStart")) return options;
  return options?.context === undefined ? undefined : { context: options.context };
}

/**
 * A task factory whose tasks start eagerly: each is made by `customTaskConstructor` with
 * `eagerStart: true`. Python 3.12: `asyncio.create_eager_task_factory(custom_task_constructor)`;
 * before 3.12 an AttributeError.
 * @example
 * class LoggedTask<T> extends asyncio.Task<T> {}
 * asyncio.getRunningLoop().setTaskFactory(asyncio.createEagerTaskFactory(LoggedTask));
 */
export function createEagerTaskFactory(customTaskConstructor: TaskConstructor): TaskFactory {
  checkEagerTasks("create_eager_task_factory");
  return (loop, coro, options) =>
    new customTaskConstructor(coro, { eagerStart: true, ...options, loop });
}

/**
 * The eager task factory: a task made through it runs its coroutine at once, inside
 * `createTask`, up to its first real suspension; one that finishes without suspending is
 * returned already done and never scheduled. Python 3.12:
 * `loop.set_task_factory(asyncio.eager_task_factory)`; before 3.12 an AttributeError.
 *
 * In this runtime a step that ends after a JavaScript `await` (of a done future, say) learns it
 * a microtask later: `t.done()` read right after `createTask`, before the creator awaits
 * anything, is still false for an async function that returned at once.
 * @example
 * asyncio.getRunningLoop().setTaskFactory(asyncio.eagerTaskFactory);
 * const t = asyncio.createTask(async () => print("runs now, in", asyncio.currentTask()!.getName()));
 * print("then the creator");
 */
export const eagerTaskFactory: TaskFactory = (loop, coro, options) => {
  checkEagerTasks("eager_task_factory");
  return new Task(coro, { eagerStart: true, ...options, loop });
};

/**
 * `loop.create_task(coro, …)` with a factory set, as each version calls it: before 3.14 the
 * factory gets the coroutine (and `context`), and the name is set afterwards; since 3.14 every
 * keyword goes to the factory. 3.13.0 to 3.13.2 set the name even when there is none, so the
 * task is named "None" (`factoryTaskNamedNone`).
 */
export function createWithFactory<T>(
  loop: AbstractEventLoop,
  factory: TaskFactory,
  coro: Coro<T>,
  options: TaskOptions | undefined,
): Task<T> {
  const task = factory(loop, coro as Coro<unknown>, factoryOptions(options)) as Task<T>;
  if (since("createTaskEagerStart")) return task;
  const name = options?.name;
  if (name !== undefined) task.setName(name);
  else if (since("factoryTaskNamedNone")) task.setName("None");
  return task;
}

/**
 * `asyncio.create_task` and `TaskGroup.create_task`, which call `loop.create_task`: with a
 * factory, as `createWithFactory`; without, a task that takes a `Task-N` number even when named
 * before 3.13 (it was made unnamed, then renamed).
 */
export function createTaskOnLoop<T>(
  loop: AbstractEventLoop,
  coro: Coro<T>,
  options: TaskOptions | undefined,
): Task<T> {
  checkEagerStart(options);
  const factory = loop.getTaskFactory();
  if (factory !== null) return createWithFactory(loop, factory, coro, options);
  return new Task(coro, {
    name: options?.name,
    loop,
    numbered: !since("namedTaskTakesNoNumber"),
    context: options?.context,
    eagerStart: options?.eagerStart,
  });
}

/** `eager_start=` is a keyword `create_task` has only since 3.14. */
export function checkEagerStart(options: TaskOptions | undefined): void {
  if (options?.eagerStart !== undefined && !since("createTaskEagerStart"))
    throw new TypeError("create_task() got an unexpected keyword argument 'eager_start'");
}
