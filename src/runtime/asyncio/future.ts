/**
 * `Future`: a result that will exist later. Python: `asyncio.Future`.
 *
 * A Future is a *thenable*, not a native Promise: `await fut` makes JavaScript call
 * `fut.then(onOk, onErr)` one microtask later. If the future is pending, `then` parks the
 * running task on it (the task's step ends there) and the task resumes in a later loop
 * iteration, after the future is done, exactly as a CPython task wakes up through the future's
 * done callback. If the future is already done, `then` hands the outcome over at once: awaiting a
 * finished future does not yield to other tasks, as in CPython.
 */
import { copyContext } from "./contextvars.ts";
import { CancelledError, InvalidStateError, RuntimeError } from "./errors.ts";
import { pyRepr } from "./format.ts";
import { Handle, PLAIN, type Runnable, STEP } from "./handle.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
import type { LoopInternals } from "./loop-internals.ts";
import { state } from "./state.ts";
import type { Task } from "./task.ts";

export const PENDING = 0;
export const FINISHED = 1;
export const CANCELLED = 2;
const STATE_NAMES = ["PENDING", "FINISHED", "CANCELLED"] as const;

type Settle = ((value: unknown) => unknown) | null | undefined;

/** The task a `then` parked: what the future calls back when it is done. */
export interface Parkable {
  _wakeup(w: Waiter): void;
}

/**
 * One `then` registration: whom to resume, and how. It is also what the loop's ready queue holds
 * to resume the task (CPython's `call_soon(task.__step)` handle: one allocation per await), and
 * the thenable `then` returns, so `.then` chains work. It is kept small on purpose: with many
 * suspended tasks, every field is live memory the garbage collector copies.
 */
export class Waiter implements Runnable, PromiseLike<unknown> {
  readonly _kind: 0 | 1;
  readonly _task: Task<unknown> | null;
  _cancelled = false;
  fut: Future<unknown>;
  onOk: Settle;
  onErr: Settle;
  _cs: 0 | 1 | 2 = 0; // chained outcome: pending, fulfilled, rejected
  _cv: unknown = undefined;
  _cp: {
    promise: Promise<unknown>;
    resolve: (v: unknown) => void;
    reject: (e: unknown) => void;
  } | null = null;
  constructor(task: Parkable | null, fut: Future<unknown>, onOk: Settle, onErr: Settle) {
    this._kind = task ? STEP : PLAIN;
    this._task = task as Task<unknown> | null;
    this.fut = fut;
    this.onOk = onOk;
    this.onErr = onErr;
  }
  /**
   * Settled already (its outcome delivered), so free to stand for another `await` of the same
   * task: a task that yields with `sleep(0)` over and over reuses one waiter (see `_yieldStep`).
   */
  _reusable(): boolean {
    return this._cs !== 0;
  }
  /** Make a settled waiter wait again, for `onOk`/`onErr`. */
  _reuse(onOk: Settle, onErr: Settle): void {
    this.onOk = onOk;
    this.onErr = onErr;
    this._cs = 0;
    this._cv = undefined;
    this._cp = null;
  }
  /** Run by the loop: resume the task (a step), or call a plain `then` callback. */
  _run(): void {
    const task = this._task as Parkable | null;
    if (task) task._wakeup(this);
    else this.deliverOutcome();
  }
  /** Hand `ok`/`value` to the awaiting code (runs inside the task's step). */
  deliver(ok: boolean, value: unknown): void {
    const fn = ok ? this.onOk : this.onErr;
    if (typeof fn !== "function") {
      this._settleChain(ok, value);
      return;
    }
    try {
      this._settleChain(true, fn(value));
    } catch (e) {
      this._settleChain(false, e);
    }
  }
  /** Deliver the future's own outcome. */
  deliverOutcome(): void {
    const f = this.fut;
    if (f._state === CANCELLED) this.deliver(false, f._makeCancelledError());
    else if (f._hasException) {
      f._logTraceback = false;
      this.deliver(false, f._exception);
    } else this.deliver(true, f._result);
  }
  _settleChain(ok: boolean, value: unknown): void {
    if (this._cs !== 0) return;
    this._cs = ok ? 1 : 2;
    this._cv = value;
    if (this._cp) (ok ? this._cp.resolve : this._cp.reject)(value);
  }
  // biome-ignore lint/suspicious/noThenProperty: the value a `fut.then(cb)` chain continues with
  then<A = unknown, B = never>(
    onOk?: ((v: unknown) => A | PromiseLike<A>) | null,
    onErr?: ((e: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    if (!this._cp) {
      let resolve!: (v: unknown) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<unknown>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      this._cp = { promise, resolve, reject };
      if (this._cs === 1) resolve(this._cv);
      else if (this._cs === 2) reject(this._cv);
    }
    return this._cp.promise.then(onOk, onErr);
  }
}

export type DoneCallback<T> = (fut: Future<T>) => void;

/**
 * The callbacks after the first, while there are none: one shared empty array (frozen, so a stray
 * push fails loudly). Most futures only ever have one callback (its awaiting task's waiter, or
 * `gather`'s), which `_callback0` holds without an array, as CPython's C futures do.
 */
const NO_CALLBACKS = Object.freeze([]) as unknown as never[];

/**
 * A low-level awaitable result. Python: `asyncio.Future` (usually made with
 * `loop.create_future()`). Most code never needs one; tasks are futures too.
 * @example
 * const fut = asyncio.getRunningLoop().createFuture<number>();
 * asyncio.getRunningLoop().callLater(1, () => fut.setResult(42));
 * print(await fut); // 42, at t=1.000
 */
export class Future<T = unknown> implements PromiseLike<T> {
  _state: 0 | 1 | 2 = PENDING;
  _result: T | undefined = undefined;
  _exception: unknown = undefined;
  _hasException = false;
  /** The first done callback, while it is the oldest one (see `_addCallback`). */
  _callback0: DoneCallback<T> | Waiter | null = null;
  /** The other done callbacks, in the order they were added. */
  _callbacks: Array<DoneCallback<T> | Waiter> = NO_CALLBACKS;
  _cancelMessage: string | undefined = undefined;
  _cancelledExc: CancelledError | null = null;
  _logTraceback = false;
  _loop: LoopInternals | null;
  /** What a task waiting on this future shows in the trace (`sleep(1)`, `Lock`, `Queue.get`, …). */
  _label = "Future";
  /** A timer to cancel the moment the future is done (sleep's). */
  _timer: { cancel(): void } | null = null;

  constructor(options?: { loop?: AbstractEventLoop; label?: string }) {
    this._loop = (options?.loop as LoopInternals | undefined) ?? state.loop;
    if (options?.label) this._label = options.label;
  }

  /** Python: `fut.done()`. */
  done(): boolean {
    return this._state !== PENDING;
  }

  /** Python: `fut.cancelled()`. */
  cancelled(): boolean {
    return this._state === CANCELLED;
  }

  /**
   * Python: `fut.result()`: the value, or throws the exception, `CancelledError` if cancelled,
   * `InvalidStateError` if not done yet.
   */
  result(): T {
    if (this._state === CANCELLED) throw this._makeCancelledError();
    if (this._state !== FINISHED) throw new InvalidStateError("Result is not set.");
    this._logTraceback = false;
    if (this._hasException) throw this._exception;
    return this._result as T;
  }

  /** Python: `fut.exception()`: the exception or `null`; throws `CancelledError` if cancelled. */
  exception(): unknown {
    if (this._state === CANCELLED) throw this._makeCancelledError();
    if (this._state !== FINISHED) throw new InvalidStateError("Exception is not set.");
    this._logTraceback = false;
    return this._hasException ? this._exception : null;
  }

  /**
   * Python: `fut.set_result(value)`. Waiters resume in a later loop iteration, not now. On a done
   * future: `InvalidStateError('invalid state')`, as CPython's C `_asyncio` says.
   */
  setResult(value: T): void {
    if (this._state !== PENDING) throw new InvalidStateError("invalid state");
    this._result = value;
    this._state = FINISHED;
    this._scheduleCallbacks();
  }

  /**
   * Python: `fut.set_exception(exc)`. An exception class is instantiated with no arguments
   * (`setException(asyncio.ValueError)` stores `ValueError()`), as in Python.
   */
  setException(exc: unknown): void {
    if (this._state !== PENDING) throw new InvalidStateError("invalid state");
    if (isErrorClass(exc)) exc = new exc();
    this._exception = exc;
    this._hasException = true;
    this._state = FINISHED;
    this._scheduleCallbacks();
    this._logTraceback = true;
  }

  /**
   * Python: `fut.cancel(msg=None)`. Returns false if already done; otherwise the future is
   * cancelled and its waiters get `CancelledError(msg)`.
   */
  cancel(msg?: string): boolean {
    this._logTraceback = false;
    if (this._state !== PENDING) return false;
    this._state = CANCELLED;
    this._cancelMessage = msg;
    this._scheduleCallbacks();
    return true;
  }

  /** Python: `fut.add_done_callback(fn)`: `fn(fut)` runs via `callSoon` once the future is done. */
  addDoneCallback(fn: DoneCallback<T>): void {
    if (this._state !== PENDING) this._callSoon(fn);
    else this._addCallback(fn);
  }

  /** Python: `fut.remove_done_callback(fn)`: returns how many were removed. */
  removeDoneCallback(fn: DoneCallback<T>): number {
    let removed = 0;
    if (this._callback0 === fn) {
      this._callback0 = null;
      removed = 1;
    }
    const before = this._callbacks.length;
    if (before > 0) {
      const kept = this._callbacks.filter((c) => c !== fn);
      this._callbacks = kept.length > 0 ? kept : NO_CALLBACKS;
      removed += before - kept.length;
    }
    return removed;
  }

  /** Has the future any done callback (or waiter) left to call? */
  _hasCallbacks(): boolean {
    return this._callback0 !== null || this._callbacks.length > 0;
  }

  /** Python: `fut.get_loop()`. */
  getLoop(): AbstractEventLoop {
    return this._getLoop();
  }

  /** What the `repr` of a future looks like (Python's, minus addresses). */
  [Symbol.for("asyncio.pyRepr")](): string {
    const s = STATE_NAMES[this._state].toLowerCase();
    if (this._state === FINISHED) {
      return this._hasException
        ? `<Future finished exception=${pyRepr(this._exception)}>`
        : `<Future finished result=${pyRepr(this._result)}>`;
    }
    return `<Future ${s}>`;
  }

  // biome-ignore lint/suspicious/noThenProperty: a Future is awaitable, like Python's
  then<A = T, B = never>(
    onOk?: ((value: T) => A | PromiseLike<A>) | null,
    onErr?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    if (this._state !== PENDING) {
      const done = new Waiter(null, this as Future<unknown>, onOk as Settle, onErr);
      done.deliverOutcome();
      return done as PromiseLike<A | B>;
    }
    const loop = this._loop ?? state.loop;
    const task = loop ? loop._taskForAwait() : null;
    const w = new Waiter(task, this as Future<unknown>, onOk as Settle, onErr);
    if (task) loop!._park(task, w);
    else this._addCallback(w);
    return w as PromiseLike<A | B>;
  }

  _addCallback(cb: DoneCallback<T> | Waiter): void {
    const cbs = this._callbacks;
    // The first slot only while the future has no callback at all, so it is always the oldest.
    if (this._callback0 === null && cbs.length === 0) this._callback0 = cb;
    else if (cbs.length === 0) this._callbacks = [cb];
    else cbs.push(cb);
  }

  /**
   * `loop.call_soon(cb, self)`, as CPython schedules a done callback: a handle that calls
   * `cb(this)` directly, in a copy of the current context, with no argument list to unpack.
   */
  _callSoon(cb: DoneCallback<T>, loop: LoopInternals = this._getLoop()): void {
    const h = new Handle(cb as (fut: unknown) => void, this);
    h._context = copyContext();
    loop._pushReady(h);
  }

  _getLoop(): LoopInternals {
    const loop = this._loop ?? state.loop;
    if (!loop) throw new RuntimeError("no running event loop");
    this._loop = loop;
    return loop;
  }

  /**
   * Python 3.11's `_make_cancelled_error`: the CancelledError that ended a task is handed out
   * once (to the first `result()`, `exception()` or awaiter); after that each call makes a fresh
   * one from the cancel message.
   */
  _makeCancelledError(): CancelledError {
    const stored = this._cancelledExc;
    if (stored) {
      this._cancelledExc = null;
      return stored;
    }
    return cancelledErrorFor(this._cancelMessage);
  }

  _scheduleCallbacks(): void {
    if (this._timer) {
      this._timer.cancel();
      this._timer = null;
    }
    const cb0 = this._callback0;
    const cbs = this._callbacks;
    if (cb0 === null && cbs.length === 0) return;
    this._callback0 = null;
    this._callbacks = NO_CALLBACKS;
    const loop = this._getLoop();
    if (cb0 !== null) this._scheduleCallback(cb0, loop);
    for (const cb of cbs) this._scheduleCallback(cb, loop);
  }

  _scheduleCallback(cb: DoneCallback<T> | Waiter, loop: LoopInternals): void {
    if (cb instanceof Waiter) loop._pushReady(cb);
    else this._callSoon(cb, loop);
  }
}

/** `CancelledError()` when no message was given (Python's `msg=None`), else `CancelledError(msg)`. */
export function cancelledErrorFor(msg: string | undefined): CancelledError {
  return msg === undefined ? new CancelledError() : new CancelledError(msg);
}

function isErrorClass(x: unknown): x is new () => unknown {
  return typeof x === "function" && (x === Error || x.prototype instanceof Error);
}

/** Python: `asyncio.isfuture(obj)`. */
export function isFuture(obj: unknown): obj is Future<unknown> {
  return obj instanceof Future;
}

/** Can `x` be awaited as a promise (has a `then` method)? The runtime's one test for it. */
export function isThenable(x: unknown): x is PromiseLike<unknown> {
  return (
    (typeof x === "object" || typeof x === "function") &&
    x !== null &&
    typeof (x as { then?: unknown }).then === "function"
  );
}

/** Marks an awaitable that, like a Python coroutine, does nothing until it is awaited. */
export const LAZY: unique symbol = Symbol.for("asyncio.lazy");

/**
 * A coroutine-like awaitable: `fn` runs only when the object is first awaited (or wrapped in a
 * task), as a Python coroutine does, and only once: awaiting it again raises
 * `RuntimeError('cannot reuse already awaited coroutine')`. The runtime's own coroutines
 * (`waitFor`, `Queue.get`, `Lock.acquire`, …) return one, so `createTask(queue.get())` behaves
 * as in Python.
 *
 * Python: the coroutine object that calling an `async def` function returns.
 * @example
 * const coro = new asyncio.Lazy(() => fetchUser(42)); // coro = fetch_user(42): nothing runs yet
 * await asyncio.sleep(0.5);
 * const user = await coro;                           // user = await coro: fetch_user starts now
 */
export class Lazy<T> implements PromiseLike<T> {
  readonly [LAZY] = true;
  #fn: () => PromiseLike<T>;
  #started: PromiseLike<T> | null = null;
  constructor(fn: () => PromiseLike<T>) {
    this.#fn = fn;
  }
  // biome-ignore lint/suspicious/noThenProperty: awaitable like a Python coroutine
  then<A = T, B = never>(
    onOk?: ((value: T) => A | PromiseLike<A>) | null,
    onErr?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    if (this.#started !== null) return reusedCoroutine(onOk, onErr);
    this.#started = this.#fn();
    return this.#started.then(onOk, onErr);
  }
}

/** Python: a coroutine object runs once; awaiting it again is an error, not its old result. */
export function reusedCoroutine<A, B>(
  onOk?: ((value: never) => A | PromiseLike<A>) | null,
  onErr?: ((reason: unknown) => B | PromiseLike<B>) | null,
): PromiseLike<A | B> {
  return Promise.reject(new RuntimeError("cannot reuse already awaited coroutine")).then(
    onOk,
    onErr,
  );
}

/** Is `x` a lazy, coroutine-like awaitable (see `Lazy`)? */
export function isLazy(x: unknown): boolean {
  return typeof x === "object" && x !== null && LAZY in x;
}
