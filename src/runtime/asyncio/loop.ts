/**
 * The event loop: a port of CPython's `BaseEventLoop._run_once`, plus the machinery that runs a
 * JavaScript async function one step at a time.
 *
 * Iterations. Each iteration moves due timers to the ready queue, snapshots how many callbacks
 * are ready, and runs exactly those, FIFO; what they schedule runs in the next iteration.
 *
 * Steps. A task step calls into the task's JS (its function on the first step, a stored
 * `onOk`/`onErr` later) and then waits, without blocking, until the task parks (its `then` on a
 * pending runtime future, see `future.ts`) or its promise settles; only then does the loop run
 * the next ready callback. Parking and settling signal the loop directly, so a step costs a few
 * microtasks and no macrotask. A step that neither parks nor settles before the microtask queue
 * drains is waiting on something the runtime does not own (a native timer, I/O): a macrotask
 * watchdog notices, and the task counts as suspended on a foreign awaitable.
 */
import type { Clock } from "./clock.ts";
import { formatError, RuntimeError } from "./errors.ts";
import { Future, type Waiter } from "./future.ts";
import { CONTEXT, Handle, STEP, TimerHandle, timerLess } from "./handle.ts";
import { heapify, heappop, heappush } from "./heap.ts";
import { onMacrotask } from "./macrotask.ts";
import type { Limits } from "./state.ts";
import type { Task } from "./task.ts";
import { runInExecutor } from "./threads.ts";
import type { TraceEvent, TraceSubscriber } from "./trace.ts";

type AnyTask = Task<unknown>;
const perfNow: () => number =
  typeof performance !== "undefined" ? () => performance.now() : Date.now;
const CLOCK_RESOLUTION = 1e-9; // time.get_clock_info('monotonic').resolution on Linux
const applyArgs = (a: unknown): void => {
  const [cb, args] = a as [(...xs: unknown[]) => unknown, unknown[]];
  cb(...args);
};

/**
 * The running event loop. Python: `asyncio.AbstractEventLoop` (get it with `getRunningLoop()`).
 * @example
 * const loop = asyncio.getRunningLoop();
 * loop.callLater(0.5, () => print("half a second"));
 * print(loop.time());
 */
export class EventLoop {
  readonly _clock: Clock;
  _trace: TraceSubscriber | null;
  /** Emit task events (created/started/suspended/…)? Prints and errors always go to `_trace`. */
  _traceTasks: boolean;
  readonly _limits: Limits;
  // CPython runs exactly the callbacks ready when an iteration starts: they move to `_current`
  // at that point, and whatever they schedule lands in `_ready` for the next iteration.
  _ready: Handle[] = [];
  _current: Handle[] = [];
  _ci = 0;
  _scheduled: TimerHandle[] = [];
  _timerCancelledCount = 0;
  _stopping = false;
  _closed = false;
  _pumping = false;
  _runningPlain = false;
  _steps = 0;
  _iter = 0;
  _lastYield = perfNow();
  _stepping: AnyTask | null = null;
  _stepParked = false;
  _stepSeq = 0;
  _parkSeq = -1;
  _watchdogArmed = false;
  _foreign: AnyTask[] = [];
  _eager = 0;
  _external = 0;
  _waiting = false;
  _waitTimer: ReturnType<typeof setTimeout> | null = null;
  _graceExpired = false;
  _deadlockExpired = false;
  _stopWaiter: { resolve: () => void; reject: (e: unknown) => void } | null = null;
  _tasks = new Set<AnyTask>();
  _mainTask: AnyTask | null = null;
  _unretrieved: AnyTask[] = [];
  _out: { t: number; task: AnyTask | null; text: string } | null = null;

  constructor(clock: Clock, trace: TraceSubscriber | null, limits: Limits, taskEvents = true) {
    this._clock = clock;
    this._trace = trace;
    this._traceTasks = trace !== null && taskEvents;
    this._limits = limits;
  }

  /** Python: `loop.time()`: seconds on the loop's clock since it started. */
  time(): number {
    return this._clock.now();
  }

  /** Python: `loop.call_soon(callback, *args)`: run it in the next iteration, with no current task. */
  callSoon<A extends unknown[]>(callback: (...args: A) => unknown, ...args: A): Handle {
    const h = new Handle(applyArgs, [callback, args]);
    this._pushReady(h);
    return h;
  }

  /** Python: `loop.call_later(delay, callback, *args)`: `delay` in seconds. */
  callLater<A extends unknown[]>(
    delay: number,
    callback: (...args: A) => unknown,
    ...args: A
  ): TimerHandle {
    return this.callAt(this.time() + delay, callback, ...args);
  }

  /** Python: `loop.call_at(when, callback, *args)`: `when` in loop time. */
  callAt<A extends unknown[]>(
    when: number,
    callback: (...args: A) => unknown,
    ...args: A
  ): TimerHandle {
    return this._timer(when, new TimerHandle(when, applyArgs, [callback, args]));
  }

  /** Python: `loop.create_future()`. */
  createFuture<T = unknown>(): Future<T> {
    return new Future<T>({ loop: this });
  }

  /**
   * Run `fn(...args)` in a thread; a Future of its result. Python:
   * `loop.run_in_executor(None, fn, *args)` (the executor argument is accepted and ignored).
   * @example
   * const r = await asyncio.getRunningLoop().runInExecutor(null, (n: number) => n * 2, 21);
   */
  runInExecutor<A extends unknown[], R>(
    _executor: unknown,
    fn: (...args: A) => R | PromiseLike<R>,
    ...args: A
  ): Future<Awaited<R>> {
    return runInExecutor(this, fn, args);
  }

  /** Python: `loop.stop()`: stop after the current iteration. */
  stop(): void {
    this._stopping = true;
  }

  /** Python: `loop.is_running()`. */
  isRunning(): boolean {
    return this._stopWaiter !== null;
  }

  /** Python: `loop.is_closed()`. */
  isClosed(): boolean {
    return this._closed;
  }

  // ---- scheduling -------------------------------------------------------------------------

  _pushReady(h: Handle): void {
    this._ready.push(h);
    if (this._waiting) this._wake();
  }

  _timer(_when: number, h: TimerHandle): TimerHandle {
    h._onCancel = () => {
      if (h._scheduled) this._timerCancelledCount += 1;
      if (h._kind === CONTEXT && h._task) h._task._ctxPending -= 1;
    };
    h._scheduled = true;
    heappush(this._scheduled, h, timerLess);
    if (this._waiting) this._wake();
    return h;
  }

  _scheduleWaiter(w: Waiter): void {
    this._pushReady(w);
  }

  /** Schedule a task's step (its first step, or a resume) for the next iteration. */
  _scheduleStep(task: AnyTask, fn: (arg: unknown) => void, arg: unknown): void {
    this._pushReady(new Handle(fn, arg, STEP, task));
  }

  /** A host callback that runs as part of `task` when that task waits on a foreign awaitable. */
  _scheduleFor(task: AnyTask | null, delay: number | null, fn: () => void): Handle {
    const run = () => fn();
    if (task) task._ctxPending += 1;
    if (delay === null) {
      // Not cancellable without a timer: run on the next iteration.
      const h = new Handle(run, null, CONTEXT, task);
      this._pushReady(h);
      return h;
    }
    const when = this.time() + delay;
    return this._timer(when, new TimerHandle(when, run, null, CONTEXT, task));
  }

  /** Something outside the loop (a thread) will call `_endExternal`; virtual time waits for it. */
  _beginExternal(): void {
    this._external += 1;
  }

  _endExternal(fn: () => void): void {
    this._external -= 1;
    this._pushReady(new Handle(fn, null));
    this._wake();
  }

  // ---- running ------------------------------------------------------------------------------

  /** Run iterations until `stop()` takes effect (CPython's `run_forever`). */
  _runUntilStopped(): Promise<void> {
    if (this._closed) return Promise.reject(new RuntimeError("Event loop is closed"));
    return new Promise<void>((resolve, reject) => {
      this._stopWaiter = { resolve, reject };
      queueMicrotask(this._pump);
    });
  }

  _fail(error: unknown): void {
    this._closed = true;
    if (this._waitTimer !== null) clearTimeout(this._waitTimer);
    const w = this._stopWaiter;
    this._stopWaiter = null;
    w?.reject(error);
  }

  _pump = (): void => {
    if (this._pumping || this._stepping || this._closed || !this._stopWaiter) return;
    this._pumping = true;
    const maxSteps = this._limits.maxSteps ?? Number.POSITIVE_INFINITY;
    try {
      for (;;) {
        if (this._ci >= this._current.length) {
          if (this._stopping) {
            this._stopping = false;
            const w = this._stopWaiter!;
            this._stopWaiter = null;
            w.resolve();
            return;
          }
          if (!this._prepare()) return;
          continue;
        }
        const h = this._current[this._ci++]!;
        if (h._cancelled) continue;
        if (++this._steps > maxSteps) {
          this._fail(
            new RuntimeError(`run stopped after ${maxSteps} loop steps (limits.maxSteps)`),
          );
          return;
        }
        this._runHandle(h);
        if (this._stepping || this._closed) return;
      }
    } catch (e) {
      this._fail(e);
    } finally {
      this._pumping = false;
    }
  };

  _runHandle(h: Handle): void {
    const fn = h._fn!;
    const arg = h._arg;
    if (h._kind === STEP) {
      fn(arg);
      return;
    }
    const task = h._task;
    if (h._kind === CONTEXT && task) {
      task._ctxPending -= 1;
      if (task._foreign && !task.done()) {
        this._removeForeign(task);
        this._beginStep(task, false);
        try {
          fn(arg);
        } catch (e) {
          this._callbackError(e);
        }
        return;
      }
    }
    this._runningPlain = true;
    try {
      fn(arg);
    } catch (e) {
      this._callbackError(e);
    } finally {
      this._runningPlain = false;
    }
  }

  _callbackError(e: unknown): void {
    this._loopError(formatError(e));
  }

  /** The top half of `_run_once`: timers, the clock, and how many callbacks this iteration runs. */
  _prepare(): boolean {
    if ((++this._iter & 255) === 0 && perfNow() - this._lastYield > 30) {
      // Give the host a turn (messages, foreign completions) during long runs.
      this._lastYield = perfNow();
      onMacrotask(this._pump);
      return false;
    }
    const sched = this._scheduled;
    if (sched.length > 100 && this._timerCancelledCount / sched.length > 0.5) {
      const kept: TimerHandle[] = [];
      for (const h of sched) {
        if (h._cancelled) h._scheduled = false;
        else kept.push(h);
      }
      heapify(kept, timerLess);
      this._scheduled = kept;
      this._timerCancelledCount = 0;
    } else {
      while (sched.length > 0 && sched[0]!._cancelled) {
        this._timerCancelledCount -= 1;
        heappop(sched, timerLess)._scheduled = false;
      }
    }
    const timers = this._scheduled;
    let timeout: number | null = null;
    if (this._ready.length > 0 || this._stopping) timeout = 0;
    else if (timers.length > 0) timeout = Math.max(0, timers[0]!._when - this.time());
    if (timeout !== 0 && !this._mayPass(timeout)) return false;
    this._graceExpired = false;
    this._deadlockExpired = false;
    const end = this.time() + CLOCK_RESOLUTION;
    while (timers.length > 0) {
      if (timers[0]!._when >= end) break;
      const h = heappop(timers, timerLess);
      h._scheduled = false;
      this._ready.push(h);
    }
    const done = this._current;
    done.length = 0;
    this._current = this._ready;
    this._ready = done;
    this._ci = 0;
    return true;
  }

  /** Nothing is ready: may the clock move by `timeout` now? If not, arrange to be woken. */
  _mayPass(timeout: number | null): boolean {
    const blocking = this._foreign.some((t) => t._ctxPending === 0);
    const blocked = this._external > 0 || (blocking && !this._graceExpired);
    if (timeout === null) {
      if (blocked || this._eager > 0 || this._foreign.length > 0)
        return this._waitFor("foreign", null);
      const ms = this._limits.deadlockMs === undefined ? 1000 : this._limits.deadlockMs;
      if (this._deadlockExpired) {
        this._fail(new RuntimeError("deadlock: every task is waiting and nothing can wake them"));
        return false;
      }
      return this._waitFor("deadlock", ms);
    }
    const maxTime = this._limits.maxTime;
    if (this._clock.kind === "virtual") {
      if (blocked)
        return this._waitFor(
          "foreign",
          this._external > 0 ? null : (this._limits.foreignGraceMs ?? 1000),
        );
      if (maxTime !== undefined && this.time() + timeout > maxTime) {
        this._fail(new RuntimeError(`run stopped: loop time passed ${maxTime}s (limits.maxTime)`));
        return false;
      }
      this._clock.advance(timeout);
      return true;
    }
    if (maxTime !== undefined && this.time() > maxTime) {
      this._fail(new RuntimeError(`run stopped: loop time passed ${maxTime}s (limits.maxTime)`));
      return false;
    }
    return this._waitFor("timer", this._clock.realMs(timeout));
  }

  _waitFor(reason: "timer" | "foreign" | "deadlock", ms: number | null): false {
    this._waiting = true;
    if (ms !== null) {
      this._waitTimer = setTimeout(() => {
        this._waitTimer = null;
        if (!this._waiting) return;
        this._waiting = false;
        if (reason === "foreign") this._graceExpired = true;
        if (reason === "deadlock") this._deadlockExpired = true;
        this._pump();
      }, ms);
    }
    return false;
  }

  _wake(): void {
    if (!this._waiting) return;
    this._waiting = false;
    if (this._waitTimer !== null) clearTimeout(this._waitTimer);
    this._waitTimer = null;
    queueMicrotask(this._pump);
  }

  // ---- steps ----------------------------------------------------------------------------------

  _beginStep(task: AnyTask, first: boolean): void {
    this._stepping = task;
    this._stepParked = false;
    this._stepSeq += 1;
    if (!this._watchdogArmed) {
      this._watchdogArmed = true;
      onMacrotask(this._watchdog);
    }
    if (this._traceTasks) {
      const t = this.time();
      this._emit(
        first
          ? { type: "started", t, task: task._number }
          : { type: "resumed", t, task: task._number },
      );
    }
  }

  /** `task` awaits the pending future of `w`: register the wake-up; its step ends here. */
  _park(task: AnyTask, w: Waiter, immediate = false): void {
    task._waiters.push(w);
    if (immediate) this._scheduleWaiter(w);
    else {
      w.fut._callbacks.push(w);
      if (task._mustCancel && w.fut.cancel(task._cancelMessage)) task._mustCancel = false;
    }
    if (task === this._stepping) {
      if (this._stepParked) return;
      this._stepParked = true;
      if (this._traceTasks) this._emitSuspended(task, w.fut._label);
      // One microtask of grace lets sibling `then`s of the same step (Promise.all) register first.
      this._parkSeq = this._stepSeq;
      queueMicrotask(this._endParkedStep);
    } else if (this._traceTasks) this._emitSuspended(task, w.fut._label);
  }

  _endParkedStep = (): void => {
    if (this._stepSeq === this._parkSeq && this._stepping && this._stepParked) {
      this._stepping = null;
      this._pump();
    }
  };

  _endStepNow(): void {
    this._stepping = null;
  }

  _taskFinished(task: AnyTask): void {
    this._tasks.delete(task);
    if (task === this._stepping) {
      this._stepping = null;
      if (!this._pumping) this._pump();
      return;
    }
    if (task._foreign) this._removeForeign(task);
    this._wake();
  }

  _removeForeign(task: AnyTask): void {
    task._foreign = false;
    const i = this._foreign.indexOf(task);
    if (i >= 0) this._foreign.splice(i, 1);
  }

  _watchdog = (): void => {
    this._watchdogArmed = false;
    const task = this._stepping;
    if (!task || this._stepParked || this._closed) return;
    const ws = task._waiters;
    if (ws.length > 0) {
      if (this._traceTasks) this._emitSuspended(task, ws[ws.length - 1]!.fut._label);
    } else {
      task._foreign = true;
      this._foreign.push(task);
      if (this._traceTasks) this._emitSuspended(task, "foreign");
    }
    this._stepping = null;
    this._pump();
  };

  /** The task a `then` on a pending future belongs to (null: a plain callback, or no task). */
  _taskForAwait(): AnyTask | null {
    if (this._stepping) return this._stepping;
    if (this._runningPlain || this._foreign.length === 0) return null;
    // A foreign continuation outside any step: it can only be a foreign-suspended task.
    const task = this._foreign.shift()!;
    task._foreign = false;
    if (this._traceTasks) this._emit({ type: "resumed", t: this.time(), task: task._number });
    this._wake();
    return task;
  }

  /** The current task, as Python's `current_task()` would see it. */
  _currentTask(): AnyTask | null {
    if (this._stepping) return this._stepping;
    if (this._runningPlain) return null;
    return this._foreign.length === 1 ? this._foreign[0]! : null;
  }

  // ---- trace and output -----------------------------------------------------------------------

  _emit(ev: TraceEvent): void {
    this._trace?.(ev);
  }

  _emitSuspended(task: AnyTask, on: string): void {
    this._emit({ type: "suspended", t: this.time(), task: task._number, on });
  }

  _loopError(text: string): void {
    this._emit({ type: "loop-error", t: this.time(), text });
  }

  /** Write text to the output; each line is stamped with the time and task of its first character. */
  _write(text: string): void {
    let i = 0;
    for (;;) {
      const nl = text.indexOf("\n", i);
      const chunk = nl < 0 ? text.slice(i) : text.slice(i, nl);
      if (!this._out && (chunk.length > 0 || nl >= 0))
        this._out = { t: this.time(), task: this._currentTask(), text: "" };
      if (this._out) this._out.text += chunk;
      if (nl < 0) return;
      this._flushLine();
      i = nl + 1;
    }
  }

  _flushLine(): void {
    const out = this._out;
    if (!out) return;
    this._out = null;
    const task = out.task;
    this._emit({
      type: "print",
      t: out.t,
      task: task ? task._number : null,
      name: task ? task._name : null,
      text: out.text,
    });
  }
}
