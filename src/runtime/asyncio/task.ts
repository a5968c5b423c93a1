/**
 * `Task`: a coroutine running on the loop. Python: `asyncio.Task`.
 *
 * A task wraps a *function to call* (the faithful form, like a Python coroutine that runs
 * nothing until the loop steps it) or an already-started Promise (the eager JavaScript habit).
 */
import { type Context, copyContext } from "./contextvars.ts";
import { CancelledError, formatError, RuntimeError } from "./errors.ts";
import { pyRepr } from "./format.ts";
import {
  CANCELLED,
  cancelledErrorFor,
  FINISHED,
  Future,
  isLazy,
  isThenable,
  PENDING,
  type Waiter,
} from "./future.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
import type { LoopInternals } from "./loop-internals.ts";
import { since } from "./python-version.ts";
import { SLEEP0 } from "./sleep.ts";
import { warnStartedPromise } from "./started-promise.ts";
import { nextTaskNumber, state } from "./state.ts";
import { type Holding, KEPT, taskCreated, taskEnding, taskFailed } from "./unretrieved.ts";

/**
 * What a task runs: a function returning a promise (started by the loop, in order), or a
 * promise that is already running.
 */
export type Coro<T> = (() => PromiseLike<T> | T) | PromiseLike<T>;

// A task named at creation takes no `Task-N` number, but the trace still needs an id for it
// that no numbered task can have: -1, -2, … per loop.
const unnumberedIds = new WeakMap<object, number>();
function unnumberedTaskId(loop: object): number {
  const id = (unnumberedIds.get(loop) ?? 0) - 1;
  unnumberedIds.set(loop, id);
  return id;
}

const firstStep = (t: unknown): void => (t as Task<unknown>)._firstStep();

/**
 * A scheduled coroutine. Python: `asyncio.Task`. Create one with `createTask`; await it for its
 * result. Names are `Task-1`, `Task-2`, … in creation order, as in CPython.
 * @example
 * const t = asyncio.createTask(() => worker("a"), { name: "worker-a" });
 * print(t.getName()); // worker-a
 * print(await t);
 */
export class Task<T = unknown> extends Future<T> {
  /** The trace's id: N of `Task-N`, or a negative id for a task named at creation. */
  readonly _number: number;
  _name: string;
  _coro: Coro<T>;
  _mustCancel = false;
  _numCancelsRequested = 0;
  /** The waiter of the `await` the task is suspended at (CPython's `_fut_waiter`), or null. */
  _waiter: Waiter | null = null;
  /** More waiters, in order, when one step awaits several futures at once (`Promise.all`). */
  _moreWaiters: Waiter[] | null = null;
  /** The waiter its last `sleep(0)` yield used, for the next one to reuse once settled. */
  _yieldWaiter: Waiter | null = null;
  _foreign = false;
  _ctxPending = 0;
  /** The task current when this one was created: its frame may hold this one. */
  _creator: Task<unknown> | null;
  /** How the program holds it, for "Task exception was never retrieved" (`unretrieved.ts`). */
  _holding: Holding = KEPT;
  /** Tasks this one's declarations hold, by declaration (see `markLocal`), or null. */
  _localSites: Map<number, Task<unknown>> | null = null;
  /** Failed tasks nobody read that this one holds: reported as it ends, or null. */
  _heldFailed: Task<unknown>[] | null = null;
  _eagerWaiting = false;
  _eagerOutcome: { ok: boolean; value: unknown } | null = null;
  _context: Context;

  /**
   * Python: `asyncio.Task(coro, name=None, context=None)`. As in CPython 3.11, only a task made
   * without a name takes the next `Task-N` number; `numbered` takes one even so, as
   * `asyncio.createTask` does (it creates, then renames). Most code calls `createTask` instead.
   * `eagerStart: true` (Python 3.12's `eager_start=True`) runs the first step at once, inside
   * the constructor, when the loop is running (see `eagerTaskFactory`).
   * @example
   * const t = new asyncio.Task(() => job(), { name: "job" }); // no Task-N number used
   */
  constructor(
    coro: Coro<T>,
    options?: {
      name?: string | undefined;
      loop?: AbstractEventLoop;
      numbered?: boolean;
      context?: Context | undefined;
      eagerStart?: boolean | undefined;
    },
  ) {
    const loop = (options?.loop as LoopInternals | undefined) ?? state.loop;
    if (!loop) throw new RuntimeError("no running event loop");
    const eager = options?.eagerStart === true;
    if (options?.eagerStart !== undefined && !since("eagerTaskFactory"))
      throw new TypeError("Task.__init__() got an unexpected keyword argument 'eager_start'");
    super({ loop });
    const name = options?.name;
    this._number =
      name === undefined || options?.numbered ? nextTaskNumber() : unnumberedTaskId(loop);
    this._name = name ?? `Task-${this._number}`;
    // `createTask(asyncio.sleep(0))`: the creator did not yield after all; this task will.
    if (loop._withdrawYield(coro)) coro = SLEEP0 as unknown as PromiseLike<T>;
    // A lazy awaitable (a runtime coroutine such as `sleep(1)`) starts when the task first steps.
    this._coro = isLazy(coro) ? () => coro as PromiseLike<T> : coro;
    this._label = this._name;
    // Python: every step runs in this context, copied from the creator's unless one is given.
    this._context = options?.context ?? copyContext();
    loop._tasks.add(this as Task<unknown>);
    this._creator = loop._currentTask();
    taskCreated(this as Task<unknown>);
    if (loop._traceTasks) {
      const parent = loop._currentTask();
      loop._emit({
        type: "created",
        t: loop.time(),
        task: this._number,
        name: this._name,
        parent: parent ? parent._number : null,
      });
    }
    if (typeof this._coro !== "function") {
      warnStartedPromise(loop);
      // Eager: the promise runs already; record its outcome whenever it comes.
      Promise.resolve(coro).then(
        (v) => this._eagerSettled(true, v),
        (e) => this._eagerSettled(false, e),
      );
    }
    // Python 3.12's eager start: the first step runs now, inside the creator's, when the loop
    // runs (a promise already running has no first step to take now).
    if (eager && loop.isRunning() && typeof this._coro === "function")
      loop._eagerStart(this as Task<unknown>);
    else loop._scheduleStep(this as Task<unknown>, firstStep, this);
  }

  /** Python: `task.get_name()`. */
  getName(): string {
    return this._name;
  }

  /** Python: `task.set_name(name)`. */
  setName(name: string): void {
    this._name = String(name);
    this._label = this._name;
    const loop = this._loop!;
    if (loop._traceTasks)
      loop._emit({ type: "renamed", t: loop.time(), task: this._number, name: this._name });
  }

  /** Python: `task.get_coro()`: the function (or promise) the task runs. */
  getCoro(): Coro<T> {
    return this._coro;
  }

  /**
   * Python: `task.cancel(msg=None)`. Requests cancellation: `CancelledError(msg)` is thrown into
   * the task at the `await` where it is suspended, in a later iteration; a task not started yet
   * never runs. Returns false if the task is already done. The task may catch the error.
   */
  override cancel(msg?: string): boolean {
    this._logTraceback = false;
    if (this._state !== PENDING) return false;
    this._numCancelsRequested += 1;
    let viaWaiter = false;
    for (const w of this._allWaiters()) if (w.fut.cancel(msg)) viaWaiter = true;
    if (viaWaiter) return true;
    this._mustCancel = true;
    this._cancelMessage = msg;
    return true;
  }

  /** Python 3.11: `task.cancelling()`: pending cancellation requests. */
  cancelling(): number {
    return this._numCancelsRequested;
  }

  /** Python 3.11: `task.uncancel()`: withdraw one cancellation request; returns the rest. */
  uncancel(): number {
    if (this._numCancelsRequested > 0) this._numCancelsRequested -= 1;
    return this._numCancelsRequested;
  }

  /** Tasks finish by returning or throwing, not by `setResult` (a RuntimeError, as in Python). */
  override setResult(_value: T): void {
    throw new RuntimeError("Task does not support set_result operation");
  }
  /** Tasks finish by returning or throwing, not by `setException` (a RuntimeError, as in Python). */
  override setException(_exc: unknown): void {
    throw new RuntimeError("Task does not support set_exception operation");
  }

  // biome-ignore lint/suspicious/noThenProperty: a Task is awaitable, like Python's
  override then<A = T, B = never>(
    onOk?: ((value: T) => A | PromiseLike<A>) | null,
    onErr?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    const loop = this._loop!;
    if (this._state === PENDING && loop._stepping === (this as Task<unknown>)) {
      // Python: RuntimeError('Task cannot await on itself'), thrown into the task.
      const err = new RuntimeError(`Task cannot await on itself: ${pyRepr(this)}`);
      queueMicrotask(() => onErr?.(err));
      return Promise.reject(err);
    }
    return super.then(onOk, onErr);
  }

  [Symbol.for("asyncio.pyRepr")](): string {
    const name = pyRepr(this._name);
    if (this._state === PENDING) return `<Task pending name=${name}>`;
    if (this._state === CANCELLED) return `<Task cancelled name=${name}>`;
    if (this._hasException)
      return `<Task finished name=${name} exception=${pyRepr(this._exception)}>`;
    return `<Task finished name=${name} result=${pyRepr(this._result)}>`;
  }

  // ---- stepping (called by the loop) ----------------------------------------------------------

  _firstStep(): void {
    const loop = this._loop!;
    if (this._state !== PENDING) return;
    if (this._mustCancel) {
      // Cancelled before it started: the coroutine never runs.
      this._mustCancel = false;
      this._finishCancelled(cancelledErrorFor(this._cancelMessage));
      return;
    }
    loop._beginStep(this as Task<unknown>, true);
    const coro = this._coro;
    if (typeof coro !== "function") {
      const out = this._eagerOutcome;
      if (out) this._settle(out.ok, out.value);
      else {
        this._eagerWaiting = true;
        loop._eager += 1;
        if (loop._traceTasks) loop._emitSuspended(this as Task<unknown>, "Promise");
        loop._endStepNow();
      }
      return;
    }
    let r: unknown;
    try {
      r = coro();
    } catch (e) {
      this._settle(false, e);
      return;
    }
    if (!isThenable(r)) {
      this._settle(true, r);
      return;
    }
    const p = r instanceof Promise ? r : Promise.resolve(r);
    // Bound methods, not arrows: two bound functions are smaller than two closures and the
    // context they share, and every suspended task keeps them alive for the collector to copy.
    p.then(this._returned.bind(this), this._raised.bind(this));
  }

  /** The task's function returned `value`. */
  _returned(value: unknown): void {
    this._settle(true, value);
  }

  /** The task's function threw `error`. */
  _raised(error: unknown): void {
    this._settle(false, error);
  }

  _eagerSettled(ok: boolean, value: unknown): void {
    if (!this._eagerWaiting) {
      this._eagerOutcome = { ok, value };
      return;
    }
    this._eagerWaiting = false;
    this._loop!._eager -= 1;
    this._settle(ok, value);
  }

  // ---- the futures the task is suspended on: one field, not an array, for the usual single
  // `await`, since every suspended task keeps it alive for the garbage collector to copy.

  _addWaiter(w: Waiter): void {
    if (this._waiter === null) this._waiter = w;
    else if (this._moreWaiters === null) this._moreWaiters = [w];
    else this._moreWaiters.push(w);
  }

  _removeWaiter(w: Waiter): void {
    const more = this._moreWaiters;
    if (this._waiter === w) this._waiter = more !== null && more.length > 0 ? more.shift()! : null;
    else if (more !== null) {
      const i = more.indexOf(w);
      if (i >= 0) more.splice(i, 1);
    }
  }

  /** The waiter of the latest `await` still pending, or null. */
  _lastWaiter(): Waiter | null {
    const more = this._moreWaiters;
    return more !== null && more.length > 0 ? more[more.length - 1]! : this._waiter;
  }

  _allWaiters(): Waiter[] {
    if (this._waiter === null) return [];
    return this._moreWaiters === null ? [this._waiter] : [this._waiter, ...this._moreWaiters];
  }

  /** A parked wait is over: resume the task with the outcome (or with cancellation). */
  _wakeup(w: Waiter): void {
    this._removeWaiter(w);
    if (this._state !== PENDING) {
      w.deliverOutcome();
      return;
    }
    this._loop!._beginStep(this as Task<unknown>, false);
    if (this._mustCancel) {
      this._mustCancel = false;
      if (w.fut._state === FINISHED) w.fut._logTraceback = false;
      w.deliver(false, cancelledErrorFor(this._cancelMessage));
    } else w.deliverOutcome();
  }

  /** The task's function returned (`ok`) or threw. */
  _settle(ok: boolean, value: unknown): void {
    if (this._state !== PENDING) return;
    const loop = this._loop!;
    // CPython reports what the task's frame held as the frame goes: still inside its last step.
    taskEnding(this as Task<unknown>);
    if (ok) {
      if (this._mustCancel) {
        this._mustCancel = false;
        this._finishCancelled(cancelledErrorFor(this._cancelMessage));
        return;
      }
      Future.prototype.setResult.call(this, value as T);
      if (loop._traceTasks)
        loop._emit({ type: "done", t: loop.time(), task: this._number, result: pyRepr(value) });
    } else if (value instanceof CancelledError) {
      this._finishCancelled(value);
      return;
    } else {
      const hadCallbacks = this._hasCallbacks();
      Future.prototype.setException.call(this, value);
      if (loop._traceTasks)
        loop._emit({
          type: "failed",
          t: loop.time(),
          task: this._number,
          error: formatError(value),
        });
      // CPython: an exception raised in an eager first step holds, through its traceback, the
      // frames that ran the step and so the task: a cycle only the collector frees, at the
      // run's end (checked on 3.12 to 3.14), however the program held the task.
      if (loop._inEagerStep(this as Task<unknown>)) this._holding = KEPT;
      taskFailed(loop, this as Task<unknown>, hadCallbacks);
    }
    loop._taskFinished(this as Task<unknown>);
  }

  _finishCancelled(exc: CancelledError): void {
    const loop = this._loop!;
    taskEnding(this as Task<unknown>);
    this._cancelledExc = exc;
    Future.prototype.cancel.call(this);
    if (loop._traceTasks)
      loop._emit({ type: "cancelled", t: loop.time(), task: this._number, message: exc.message });
    loop._taskFinished(this as Task<unknown>);
  }
}
