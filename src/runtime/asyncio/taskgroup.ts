/**
 * `TaskGroup`: structured concurrency (Python 3.11). A port of CPython 3.11.7's
 * `asyncio.taskgroups.TaskGroup`.
 */
import { BaseExceptionGroup, CancelledError, ExceptionGroup, RuntimeError } from "./errors.ts";
import { PY_REPR, pyRepr } from "./format.ts";
import { Future, Lazy } from "./future.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
import type { Coro, Task } from "./task.ts";
import { createTaskOnLoop, type TaskOptions } from "./task-factory.ts";
import { currentTask, getRunningLoop } from "./tasks.ts";

/**
 * A group of child tasks that ends only when all of them have: if one fails, the others and the
 * body are cancelled and the failures are raised together as an `ExceptionGroup`
 * (`unhandled errors in a TaskGroup (1 sub-exception)`). Python: `async with asyncio.TaskGroup() as tg:`,
 * written `await asyncio.TaskGroup.run(async (tg) => { … })`: the callback is the block.
 *
 * There is no `await using` form: a JavaScript disposer cannot see whether the block is leaving
 * with an error (a cancellation, say), and Python's group behaves differently when it is, so
 * the callback form is the only exact one.
 * @example
 * await asyncio.TaskGroup.run(async (tg) => {
 *   tg.createTask(() => fetch("a"));
 *   tg.createTask(() => fetch("b"));
 * }); // both done here
 */
export class TaskGroup {
  _entered = false;
  _exiting = false;
  _aborting = false;
  _loop: AbstractEventLoop | null = null;
  _parentTask: Task<unknown> | null = null;
  _parentCancelRequested = false;
  _tasks = new Set<Task<unknown>>();
  _errors: unknown[] | null = [];
  _onCompletedFut: Future<boolean> | null = null;

  /**
   * Run `body` inside a new group and wait for every child; the exact form of
   * `async with asyncio.TaskGroup() as tg:`.
   * @example
   * const [a, b] = await asyncio.TaskGroup.run(async (tg) => [tg.createTask(() => job(1)), tg.createTask(() => job(2))]);
   */
  static run<T>(body: (tg: TaskGroup) => PromiseLike<T>): Lazy<T> {
    return new Lazy(async () => {
      const tg = new TaskGroup();
      tg._enter();
      let result: T;
      try {
        result = await body(tg);
      } catch (e) {
        await tg._exit(true, e);
        throw e;
      }
      await tg._exit(false, undefined);
      return result;
    });
  }

  /**
   * Start a child task in the group. Python: `tg.create_task(coro, name=None)`; like
   * `asyncio.createTask`, it takes a `Task-N` number even when named, before Python 3.13.
   * @example
   * const t = tg.createTask(() => job(1), { name: "job-1" });
   */
  createTask<T>(coro: Coro<T>, options?: TaskOptions): Task<T> {
    if (!this._entered) throw new RuntimeError(`TaskGroup ${pyRepr(this)} has not been entered`);
    if (this._exiting && this._tasks.size === 0)
      throw new RuntimeError(`TaskGroup ${pyRepr(this)} is finished`);
    if (this._aborting) throw new RuntimeError(`TaskGroup ${pyRepr(this)} is shutting down`);
    const task = createTaskOnLoop(this._loop!, coro, options);
    task.addDoneCallback((t) => this._onTaskDone(t as Task<unknown>));
    this._tasks.add(task as Task<unknown>);
    return task;
  }

  /** Python's repr: `<TaskGroup tasks=2 errors=1 cancelling>`, `<TaskGroup entered>`. */
  [PY_REPR](): string {
    let info = "";
    if (this._tasks.size > 0) info += ` tasks=${this._tasks.size}`;
    if (this._errors && this._errors.length > 0) info += ` errors=${this._errors.length}`;
    if (this._aborting) info += " cancelling";
    else if (this._entered) info += " entered";
    return `<TaskGroup${info}>`;
  }

  /** Python's `__aenter__`. */
  _enter(): void {
    if (this._entered) throw new RuntimeError(`TaskGroup ${pyRepr(this)} has already been entered`);
    this._loop ??= getRunningLoop();
    this._parentTask = currentTask();
    if (!this._parentTask)
      throw new RuntimeError(`TaskGroup ${pyRepr(this)} cannot determine the parent task`);
    this._entered = true;
  }

  /** Python's `__aexit__(et, exc, tb)`; `raised` says whether the body threw `exc`. */
  async _exit(raised: boolean, exc: unknown): Promise<void> {
    this._exiting = true;
    const cancelledExit = raised && exc instanceof CancelledError;
    let propagateCancellation: unknown = cancelledExit ? exc : null;
    if (this._parentCancelRequested && this._parentTask!.uncancel() === 0)
      propagateCancellation = null;
    if (raised && !this._aborting) this._abort();
    while (this._tasks.size > 0) {
      this._onCompletedFut ??= new Future<boolean>({ loop: this._loop!, label: "TaskGroup" });
      try {
        await this._onCompletedFut;
      } catch (ex) {
        if (!(ex instanceof CancelledError)) throw ex;
        if (!this._aborting) {
          propagateCancellation = ex;
          this._abort();
        }
      }
      this._onCompletedFut = null;
    }
    if (propagateCancellation && this._errors!.length === 0) throw propagateCancellation;
    if (raised && !cancelledExit) this._errors!.push(exc);
    if (this._errors!.length > 0) {
      const errors = this._errors!;
      this._errors = null;
      const Group = errors.some((e) => e instanceof CancelledError)
        ? BaseExceptionGroup
        : ExceptionGroup;
      throw new Group("unhandled errors in a TaskGroup", errors);
    }
  }

  _abort(): void {
    this._aborting = true;
    for (const t of this._tasks) if (!t.done()) t.cancel();
  }

  _onTaskDone(task: Task<unknown>): void {
    this._tasks.delete(task);
    if (this._onCompletedFut && this._tasks.size === 0 && !this._onCompletedFut.done())
      this._onCompletedFut.setResult(true);
    if (task.cancelled()) return;
    const exc = task.exception();
    if (exc === null) return;
    this._errors?.push(exc);
    if (this._parentTask!.done()) {
      // CPython: "Not sure if this case is possible, but we want to handle it anyways."
      this._loop!.callExceptionHandler({
        message: `Task ${pyRepr(task)} has errored out but its parent task ${pyRepr(this._parentTask)} is already completed`,
        exception: exc,
        task,
      });
      return;
    }
    if (!this._aborting && !this._parentCancelRequested) {
      this._abort();
      this._parentCancelRequested = true;
      this._parentTask!.cancel();
    }
  }
}
