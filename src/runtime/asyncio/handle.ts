/**
 * A callback scheduled on the loop. Python: `asyncio.Handle` (from `call_soon`) and
 * `asyncio.TimerHandle` (from `call_later`/`call_at`).
 */
import type { Context } from "./contextvars.ts";
import type { Task } from "./task.ts";

/** How the loop runs a handle. */
export const PLAIN = 0; // a callback: no current task while it runs
export const STEP = 1; // a task step: the callback starts the step itself
export const CONTEXT = 2; // a host callback carrying a context task (see `callSoonFor`)

/**
 * What the loop's ready queue holds: a handle, or the `Waiter` that resumes a task (see
 * `future.ts`). `_kind` says how the loop runs it; `_task` is the task it runs for.
 */
export interface Runnable {
  readonly _kind: 0 | 1 | 2;
  readonly _task: Task<unknown> | null;
  _cancelled: boolean;
  _run(): void;
}

/** Python: `asyncio.Handle`. */
export class Handle implements Runnable {
  _fn: ((arg: unknown) => void) | null;
  _arg: unknown;
  _kind: 0 | 1 | 2;
  _task: Task<unknown> | null;
  _cancelled = false;
  /** The context a `callSoon`/`callLater` callback runs in (copied when it was scheduled). */
  _context: Context | null = null;

  constructor(
    fn: (arg: unknown) => void,
    arg: unknown,
    kind: 0 | 1 | 2 = PLAIN,
    task: Task<unknown> | null = null,
  ) {
    this._fn = fn;
    this._arg = arg;
    this._kind = kind;
    this._task = task;
  }

  _run(): void {
    this._fn!(this._arg);
  }

  /** Python: `handle.cancel()`: the callback will not run. */
  cancel(): void {
    if (this._cancelled) return;
    this._cancelled = true;
    this._fn = null;
    this._arg = null;
  }

  /** Python: `handle.cancelled()`. */
  cancelled(): boolean {
    return this._cancelled;
  }
}

/** Python: `asyncio.TimerHandle`: a handle with a deadline on the loop's clock. */
let timerSeq = 0;

export class TimerHandle extends Handle {
  readonly _when: number;
  /** Creation order: the tie-break between equal deadlines (see `timerLess`). */
  readonly _seq = timerSeq++;
  _scheduled = false;
  /** The loop that holds it, told when it is cancelled (it counts them, as CPython does). */
  _loop: { _timerCancelled(h: TimerHandle): void } | null = null;
  constructor(
    when: number,
    fn: (arg: unknown) => void,
    arg: unknown,
    kind: 0 | 1 | 2 = PLAIN,
    task: Task<unknown> | null = null,
  ) {
    super(fn, arg, kind, task);
    this._when = when;
  }
  override cancel(): void {
    if (this._cancelled) return;
    super.cancel();
    this._loop?._timerCancelled(this);
  }

  /** Python: `timer.when()`: the deadline, in loop time (seconds). */
  when(): number {
    return this._when;
  }
}

/**
 * Earlier deadline first; equal deadlines in the order the timers were made. On a real clock a
 * later `call_later` always gets a later deadline, so timers fire in the order they were set;
 * the virtual clock gives equal deadlines, and without this tie-break the heap would release them
 * in an order no reader sees at home. The recorder applies the same rule to CPython's loop.
 */
export const timerLess = (a: TimerHandle, b: TimerHandle): boolean =>
  a._when < b._when || (a._when === b._when && a._seq < b._seq);
