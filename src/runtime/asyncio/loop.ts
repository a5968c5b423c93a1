/**
 * The event loop: a port of CPython's `BaseEventLoop` (`base_events.py`), plus what it takes to
 * run a JavaScript async function one step at a time. One class, read top to bottom:
 *
 * 1. state, and the public API (`asyncio.AbstractEventLoop`, see `loop-api.ts`);
 * 2. scheduling: the ready queue and the timer heap;
 * 3. `_runOnce`: one iteration, as CPython's `_run_once`, driven by `_pump` (`run_forever`);
 * 4. task steps: when a JS step starts and ends;
 * 5. foreign awaitables: tasks waiting on a native promise, timer or thread the loop does not own;
 * 6. the loop's voice: trace events, stamped output, the exception handler.
 *
 * The rest of the runtime talks to it only through `LoopInternals` (`loop-internals.ts`).
 *
 * **A step.** The loop runs one ready handle. A task's handle calls into its JS (its function on
 * the first step, a stored `onOk`/`onErr` later), then the loop waits, without blocking, until the
 * task parks (its `then` on a pending runtime future, `_park`) or its promise settles
 * (`_taskFinished`); only then does it run the next handle. Parking and settling signal the loop
 * directly, so a step costs a few microtasks and no macrotask. A step that neither parks nor
 * settles before the microtask queue drains waits on something the runtime does not own: a
 * macrotask watchdog notices, and the task counts as suspended on a foreign awaitable.
 *
 * **Time.** When nothing is ready, the clock may only move once nothing outside the loop (a
 * foreign awaitable, a thread) could still schedule something earlier; otherwise the loop waits,
 * without blocking, to be woken.
 */
import type { Clock } from "./clock.ts";
import { Context, copyContext } from "./contextvars.ts";
import { reportDestroyedPending } from "./destroyed-pending.ts";
import { formatError, RuntimeError } from "./errors.ts";
import { Future, Waiter } from "./future.ts";
import { CONTEXT, Handle, type Runnable, STEP, TimerHandle, timerLess } from "./handle.ts";
import { heapify, heappop, heappush } from "./heap.ts";
import type { ExceptionContext, ExceptionHandler } from "./loop-api.ts";
import type { AnyTask, LoopInternals } from "./loop-internals.ts";
import { onMacrotask } from "./macrotask.ts";
import { nativeClearTimeout, nativeSetTimeout } from "./native-timers.ts";
import { addSignalHandler, removeSignalHandler } from "./signal-dispositions.ts";
import type { Signals } from "./signals.ts";
import { SLEEP0_DONE } from "./sleep.ts";
import { checkSlowCallback, DEFAULT_SLOW_CALLBACK_DURATION } from "./slow-callback.ts";
import type { Limits } from "./state.ts";
import { type Coro, Task } from "./task.ts";
import {
  checkEagerStart,
  checkEagerTasks,
  createWithFactory,
  eagerTaskFactory,
  type TaskFactory,
  type TaskOptions,
} from "./task-factory.ts";
import { runInExecutor } from "./threads.ts";
import type { TraceEvent, TraceSubscriber } from "./trace.ts";

export type { AnyTask } from "./loop-internals.ts";

/** The host's monotonic clock in ms: the loop's time slices are real time, whatever its clock. */
const perfNow: () => number =
  typeof performance !== "undefined" ? () => performance.now() : Date.now;

const CLOCK_RESOLUTION = 1e-9; // time.get_clock_info('monotonic').resolution on Linux

/**
 * Queue `fn` as a microtask by a `then` on a settled promise: the same queue as `queueMicrotask`,
 * in the same order, but V8 runs it without calling into the host (Node's `queueMicrotask` is a
 * JavaScript wrapper around a C++ binding, a browser's a binding too): two of them end every
 * step, and the profile put them at a tenth of a step's time.
 */
const SETTLED: Promise<void> = Promise.resolve();
function microtask(fn: () => void): void {
  SETTLED.then(fn);
}

/** The step state an eager first step sets aside while it runs (see `_eagerStart`). */
interface StepState {
  stepping: AnyTask | null;
  parked: boolean;
  seq: number;
  parkSeq: number;
  yieldPromise: Promise<undefined> | null;
  yieldWaiter: Waiter | null;
  yieldHopped: boolean;
  runningPlain: boolean;
  plainContext: Context | null;
  eager: EagerStep | null;
}

/** An eager task's first step, open until the task parks or finishes. */
class EagerStep {
  /** The creator's state while the task's is loaded. */
  outer: StepState;
  /** The task's state while the creator's is loaded. */
  inner: StepState | null = null;
  open = true;
  generations = 0;
  enter: () => void = () => {};
  exit: () => void = () => {};
  constructor(outer: StepState) {
    this.outer = outer;
  }
}

/**
 * Microtask generations an eager first step may take before it counts as waiting on something
 * foreign (a native promise the runtime does not own), as the watchdog would decide.
 */
const EAGER_GENERATIONS = 1000;

/** How many handles run between two looks at the clock for `limits.sliceMs`. */
const SLICE_CHECK_EVERY = 1024;

const applyArgs = (a: unknown): void => {
  const [cb, args] = a as [(...xs: unknown[]) => unknown, unknown[]];
  cb(...args);
};

// The resolving functions of a yield's promise, caught by one shared executor rather than a
// closure per yield.
let caughtOk: (v: unknown) => void = () => {};
let caughtErr: (e: unknown) => void = () => {};
const catchResolvers = (ok: (v: undefined) => void, err: (e: unknown) => void): void => {
  caughtOk = ok as (v: unknown) => void;
  caughtErr = err;
};

/** Python's `context=` keyword of `call_soon`/`call_later`/`call_at`, as a last argument. */
export interface CallbackOptions {
  context: Context;
}

function isCallbackOptions(x: unknown): x is CallbackOptions {
  if (typeof x !== "object" || x === null || Object.getPrototypeOf(x) !== Object.prototype)
    return false;
  const keys = Object.keys(x);
  return (
    keys.length === 1 && keys[0] === "context" && (x as CallbackOptions).context instanceof Context
  );
}

/** Give a callback handle its call and its context: a trailing `{ context }`, else a copy. */
function setCallback(h: Handle, callback: unknown, args: unknown[]): void {
  const last = args.length > 0 ? args[args.length - 1] : undefined;
  if (isCallbackOptions(last)) {
    h._arg = [callback, args.slice(0, -1)];
    h._context = last.context;
  } else {
    h._arg = [callback, args];
    h._context = copyContext();
  }
}

/**
 * The running event loop. Python: `asyncio.AbstractEventLoop` (get it with `getRunningLoop()`).
 * @example
 * const loop = asyncio.getRunningLoop();
 * loop.callLater(0.5, () => print("half a second"));
 * print(loop.time());
 */
export class EventLoop implements LoopInternals {
  readonly _clock: Clock;
  _trace: TraceSubscriber | null;
  readonly _traceTasks: boolean;
  readonly _limits: Limits;
  // CPython runs exactly the callbacks ready when an iteration starts: they move to `_current`
  // at that point, and whatever they schedule lands in `_ready` for the next iteration. The two
  // arrays are swapped, never shrunk (`_readyLen`/`_currentLen` say how much of each is in use),
  // so pushing a handle allocates nothing once they have grown; a slot is emptied as its handle
  // runs, so a finished handle is garbage at once.
  _ready: Array<Runnable | undefined> = [];
  _readyLen = 0;
  _current: Array<Runnable | undefined> = [];
  _currentLen = 0;
  _ci = 0;
  _scheduled: TimerHandle[] = [];
  _timerCancelledCount = 0;
  _stopping = false;
  _closed = false;
  /** `_pump` is on the stack. */
  _pumping = false;
  /** A plain callback (no current task) is running, in this context. */
  _runningPlain = false;
  _plainContext: Context | null = null;
  _steps = 0;
  /** When the host last had a turn (real ms), and `_steps` when the clock was last read. */
  _sliceStart = perfNow();
  _sliceSteps = 0;
  // ---- the step in progress
  _stepping: AnyTask | null = null;
  _stepParked = false;
  _stepSeq = 0;
  _parkSeq = -1;
  /** The yield the step in progress made by `sleep(0)` (see `_yieldStep`), or null. */
  _yieldPromise: Promise<undefined> | null = null;
  _yieldWaiter: Waiter | null = null;
  /** The yield's end of step has waited its extra microtask (see `_endParkedStep`). */
  _yieldHopped = false;
  _watchdogArmed = false;
  // ---- eager first steps (Python 3.12's eager tasks, see `_eagerStart`)
  /** The eager step whose task's state is loaded now, or null. */
  _eagerCurrent: EagerStep | null = null;
  /** Eager steps still open: the step (or callback) that made them cannot end yet. */
  _eagerOpen = 0;
  /** A step's end, or the pump, waited for the open eager steps to end. */
  _eagerDeferred = false;
  // ---- what virtual time must wait for
  /** Tasks suspended on a foreign awaitable, oldest first. */
  _foreign: AnyTask[] = [];
  _eager = 0;
  _external = 0;
  // ---- waiting to be woken (nothing ready, time may not move yet)
  _waiting = false;
  _waitTimer: ReturnType<typeof setTimeout> | null = null;
  _graceExpired = false;
  _deadlockExpired = false;
  _stopWaiter: { resolve: () => void; reject: (e: unknown) => void } | null = null;
  // ---- tasks
  readonly _tasks = new Set<AnyTask>();
  _mainTask: AnyTask | null = null;
  _unretrieved: AnyTask[] = [];
  // ---- output
  _out: { t: number; task: AnyTask | null; text: string } | null = null;
  _exceptionHandler: ExceptionHandler | null = null;
  // ---- debug mode (`debug-mode` in the README): the handle being timed, and since when
  _debug = false;
  slowCallbackDuration = DEFAULT_SLOW_CALLBACK_DURATION;
  _timedHandle: Runnable | null = null;
  _timedFrom = 0;

  constructor(clock: Clock, trace: TraceSubscriber | null, limits: Limits, taskEvents = true) {
    this._clock = clock;
    this._trace = trace;
    this._traceTasks = trace !== null && taskEvents;
    this._limits = limits;
  }

  // ================================ 1. the public API ===========================================

  /** Python: `loop.time()`: seconds on the loop's clock since it started. */
  time(): number {
    return this._clock.now();
  }

  /**
   * Python: `loop.call_soon(callback, *args, context=None)`: run it in the next iteration, with
   * no current task, in a copy of the current context (or `{ context }` as the last argument).
   * @example
   * loop.callSoon(print, "soon");
   * loop.callSoon(() => print(user.get()), { context: ctx });
   */
  callSoon<A extends unknown[]>(
    callback: (...args: A) => unknown,
    ...args: [...A] | [...A, CallbackOptions]
  ): Handle {
    const h = new Handle(applyArgs, null);
    setCallback(h, callback, args);
    this._pushReady(h);
    return h;
  }

  /**
   * Python: `loop.call_later(delay, callback, *args, context=None)`: `delay` in seconds.
   * @example
   * loop.callLater(0.5, print, "half a second later");
   */
  callLater<A extends unknown[]>(
    delay: number,
    callback: (...args: A) => unknown,
    ...args: [...A] | [...A, CallbackOptions]
  ): TimerHandle {
    return this.callAt(this.time() + delay, callback, ...args);
  }

  /**
   * Python: `loop.call_at(when, callback, *args, context=None)`: `when` in loop time.
   * @example
   * loop.callAt(loop.time() + 1, print, "one second later");
   */
  callAt<A extends unknown[]>(
    when: number,
    callback: (...args: A) => unknown,
    ...args: [...A] | [...A, CallbackOptions]
  ): TimerHandle {
    const h = new TimerHandle(when, applyArgs, null);
    setCallback(h, callback, args);
    return this._timer(h);
  }

  /** Python: `loop.create_future()`. */
  createFuture<T = unknown>(): Future<T> {
    return new Future<T>({ loop: this });
  }

  /**
   * Python: `loop.create_task(coro, *, name=None, context=None)` (and 3.14's `eager_start=`).
   * Unlike `asyncio.createTask`, a task named here takes no `Task-N` number (CPython 3.11). With
   * a task factory set (`setTaskFactory`), the factory makes the task.
   * @example
   * const t = asyncio.getRunningLoop().createTask(() => job(), { name: "job" });
   */
  createTask<T>(coro: Coro<T>, options?: TaskOptions): Task<T> {
    checkEagerStart(options);
    const factory = this._taskFactory;
    if (factory !== null) return createWithFactory(this, factory, coro, options);
    return new Task(coro, {
      name: options?.name,
      loop: this,
      context: options?.context,
      eagerStart: options?.eagerStart,
    });
  }

  /** The factory `createTask` uses, or null (the default: a plain `Task`). */
  _taskFactory: TaskFactory | null = null;

  /**
   * Python: `loop.set_task_factory(factory)`: every task made on this loop (`createTask`,
   * `TaskGroup`, `gather`, …) comes from `factory(loop, coro, options)`; `null` restores the
   * default. With `asyncio.eagerTaskFactory` (3.12), tasks run their first step at once.
   * @example
   * asyncio.getRunningLoop().setTaskFactory(asyncio.eagerTaskFactory);
   */
  setTaskFactory(factory: TaskFactory | null): void {
    if (factory !== null && typeof factory !== "function")
      throw new TypeError("task factory must be a callable or None");
    // `asyncio.eager_task_factory` does not exist before 3.12: the attribute access fails.
    if (factory === eagerTaskFactory) checkEagerTasks("eager_task_factory");
    this._taskFactory = factory;
  }

  /**
   * Python: `loop.get_task_factory()`: the factory set with `setTaskFactory`, or `null`.
   * @example
   * print(asyncio.getRunningLoop().getTaskFactory()); // null
   */
  getTaskFactory(): TaskFactory | null {
    return this._taskFactory;
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

  /**
   * Call `callback(...args)` on the loop each time the process receives `sig` (a few
   * iterations after it arrives, outside any task). Python:
   * `loop.add_signal_handler(sig, callback, *args)`. The callback is a plain function: to do
   * async work, set an Event or create a task from it. Replaces any handler `sig` had.
   * @example
   * const stop = new asyncio.Event();
   * loop.addSignalHandler(signal.SIGTERM, () => stop.set());
   * await stop.wait();
   */
  addSignalHandler<A extends unknown[]>(
    sig: Signals | number,
    callback: (...args: A) => unknown,
    ...args: A
  ): void {
    addSignalHandler(this, sig, callback as (...a: never[]) => unknown, args);
  }

  /**
   * Remove the handler of `sig`; true if there was one. SIGINT gets its default back
   * (KeyboardInterrupt), other signals their default action. Python:
   * `loop.remove_signal_handler(sig)`.
   * @example
   * loop.removeSignalHandler(signal.SIGINT); // Ctrl-C interrupts again
   */
  removeSignalHandler(sig: Signals | number): boolean {
    return removeSignalHandler(this, sig);
  }

  /**
   * Run until `stop()` is called; the promise settles then. Python: `loop.run_forever()`, which
   * blocks its thread: here the loop runs beside the code that called it, as if in a thread of
   * its own, and awaiting the promise is `thread.join()`.
   * @example
   * const loop = asyncio.newEventLoop();
   * const thread = loop.runForever(); // threading.Thread(target=loop.run_forever).start()
   * loop.callSoonThreadsafe(() => loop.stop());
   * await thread;                     // thread.join()
   */
  runForever(): Promise<void> {
    if (this.isRunning()) throw new RuntimeError("This event loop is already running");
    return this._runUntilStopped();
  }

  /**
   * Python: `loop.call_soon_threadsafe(callback, *args, context=None)`: `callSoon` for code
   * outside the loop (another thread, in Python), which also wakes the loop if it is waiting.
   * Called from outside, the callback reaches the loop once that code waits (at its next
   * macrotask), and the loop's clock stands still until then: a Python thread's code between
   * two waits takes no time on the loop's clock, and the loop sees its calls in order after it.
   * @example
   * loop.callSoonThreadsafe(() => loop.stop());
   */
  callSoonThreadsafe<A extends unknown[]>(
    callback: (...args: A) => unknown,
    ...args: [...A] | [...A, CallbackOptions]
  ): Handle {
    if (this._runningHere()) return this.callSoon(callback, ...args);
    const h = new Handle(applyArgs, null);
    setCallback(h, callback, args);
    if (this._outsideCalls === null) {
      // Everything that code asks before it waits lands in one iteration, as in CPython.
      this._outsideCalls = [];
      this._beginExternal();
      onMacrotask(this._takeOutsideCalls);
    }
    this._outsideCalls.push(h);
    return h;
  }

  /** `callSoonThreadsafe` calls made from outside the loop since it last took them. */
  _outsideCalls: Handle[] | null = null;

  _takeOutsideCalls = (): void => {
    const calls = this._outsideCalls ?? [];
    this._outsideCalls = null;
    this._external -= 1;
    for (const h of calls) this._append(h);
    this._wake();
  };

  /**
   * Python: `loop.close()`: the loop can no longer run; a running loop cannot be closed. Tasks
   * still pending are not cancelled (that is `asyncio.run`'s shutdown, not `close`'s).
   * @example
   * await thread; // the loop has stopped
   * loop.close();
   */
  close(): void {
    if (this.isRunning()) throw new RuntimeError("Cannot close a running event loop");
    if (this._closed) return;
    this._flushLine();
    reportDestroyedPending(this);
    this._closed = true;
    const onClose = this._onClose;
    this._onClose = null;
    onClose?.();
  }

  /** Told when `close()` closes the loop (`newEventLoop` tells the host the run has ended). */
  _onClose: (() => void) | null = null;

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

  // ================================ 2. scheduling ===============================================

  _pushReady(h: Runnable): void {
    this._append(h);
    if (this._waiting) this._wake();
  }

  _append(h: Runnable): void {
    const n = this._readyLen++;
    if (n < this._ready.length) this._ready[n] = h;
    else this._ready.push(h);
  }

  _timer(h: TimerHandle): TimerHandle {
    h._loop = this;
    h._scheduled = true;
    heappush(this._scheduled, h, timerLess);
    if (this._waiting) this._wake();
    return h;
  }

  /** A timer was cancelled: count it, as CPython does, to know when to clean the heap. */
  _timerCancelled(h: TimerHandle): void {
    if (h._scheduled) this._timerCancelledCount += 1;
    if (h._kind === CONTEXT && h._task) h._task._ctxPending -= 1;
  }

  _scheduleStep(task: AnyTask, fn: (arg: unknown) => void, arg: unknown): void {
    this._pushReady(new Handle(fn, arg, STEP, task));
  }

  _scheduleFor(task: AnyTask | null, delay: number | null, fn: () => void): Handle {
    const run = () => fn();
    if (task) task._ctxPending += 1;
    if (delay === null) {
      // Not cancellable without a timer: run on the next iteration.
      const h = new Handle(run, null, CONTEXT, task);
      this._pushReady(h);
      return h;
    }
    return this._timer(new TimerHandle(this.time() + delay, run, null, CONTEXT, task));
  }

  _beginExternal(): void {
    this._external += 1;
  }

  _endExternal(fn: () => void): void {
    this._external -= 1;
    this._pushReady(new Handle(fn, null));
    this._wake();
  }

  // ================================ 3. iterations ===============================================

  _runUntilStopped(): Promise<void> {
    if (this._closed) return Promise.reject(new RuntimeError("Event loop is closed"));
    return new Promise<void>((resolve, reject) => {
      this._stopWaiter = { resolve, reject };
      microtask(this._pumpCallback);
    });
  }

  _runningHere(): boolean {
    return this._pumping || this._stepping !== null || this._currentTask() !== null;
  }

  _fail(error: unknown): void {
    this._closed = true;
    if (this._waitTimer !== null) nativeClearTimeout(this._waitTimer);
    const w = this._stopWaiter;
    this._stopWaiter = null;
    w?.reject(error);
  }

  /**
   * Run handles until a task step is in progress (its end calls `_pump` again), the loop stops,
   * or it has to wait. `_current[_ci.._currentLen]` is the rest of this iteration.
   */
  _pump(): void {
    if (this._pumping || this._stepping || this._closed || !this._stopWaiter) return;
    if (this._eagerOpen > 0) {
      this._eagerDeferred = true;
      return;
    }
    // A timed step has just ended (it parked or returned): CPython logs before the next handle.
    if (this._timedHandle !== null) this._endTimed();
    this._pumping = true;
    const maxSteps = this._limits.maxSteps ?? Number.POSITIVE_INFINITY;
    const sliceMs = this._limits.sliceMs ?? 30;
    try {
      for (;;) {
        if (this._ci >= this._currentLen) {
          if (this._stopping) {
            this._stopping = false;
            const w = this._stopWaiter!;
            this._stopWaiter = null;
            w.resolve();
            return;
          }
          if (!this._runOnce()) return;
          continue;
        }
        if (this._steps - this._sliceSteps >= SLICE_CHECK_EVERY) {
          // Give the host a turn (its messages and timers: the worker's heartbeat, the output's
          // batches) during a long run, counted in handles, not iterations: one iteration can
          // hold tens of thousands. Pausing inside an iteration changes nothing the program
          // sees: what the pause schedules waits for the next iteration, and time stands still.
          this._sliceSteps = this._steps;
          if (perfNow() - this._sliceStart > sliceMs) {
            this._sliceStart = perfNow();
            onMacrotask(this._pumpCallback);
            return;
          }
        }
        const h = this._current[this._ci]!;
        this._current[this._ci++] = undefined;
        if (h._cancelled) continue;
        if (++this._steps > maxSteps) {
          this._fail(
            new RuntimeError(`run stopped after ${maxSteps} loop steps (limits.maxSteps)`),
          );
          return;
        }
        if (this._debug) {
          this._timedHandle = h;
          this._timedFrom = this.time();
        }
        this._runHandle(h);
        if (this._stepping || this._closed) return;
        if (this._eagerOpen > 0) {
          // A callback made an eager task whose first step is still running.
          this._eagerDeferred = true;
          return;
        }
        if (this._timedHandle !== null) this._endTimed();
      }
    } catch (e) {
      this._fail(e);
    } finally {
      this._pumping = false;
    }
  }

  /**
   * `_pump` as a callback for the host (a microtask, a macrotask). The loop's own calls go to
   * the method: a closure made per loop would make V8 drop the code it optimized for the last
   * loop's closure (a "wrong call target") at each new run's first call.
   */
  readonly _pumpCallback = (): void => this._pump();

  _runHandle(h: Runnable): void {
    if (h._kind === STEP) {
      h._run();
      return;
    }
    const task = h._task;
    if (h._kind === CONTEXT && task) {
      task._ctxPending -= 1;
      if (task._foreign && !task.done()) {
        this._removeForeign(task);
        this._beginStep(task, false);
        try {
          h._run();
        } catch (e) {
          this._callbackError(h, e);
        }
        return;
      }
    }
    this._runningPlain = true;
    this._plainContext = h instanceof Handle ? h._context : null;
    try {
      h._run();
    } catch (e) {
      this._callbackError(h, e);
    } finally {
      this._runningPlain = false;
      this._plainContext = null;
    }
  }

  _endTimed(): void {
    const h = this._timedHandle!;
    this._timedHandle = null;
    checkSlowCallback(this, h, this._timedFrom);
  }

  _callbackError(h: Runnable, e: unknown): void {
    const context: ExceptionContext = { message: "Exception in callback", exception: e };
    if (h instanceof Handle) context.handle = h;
    this.callExceptionHandler(context);
  }

  /**
   * The top half of CPython's `_run_once`: drop cancelled timers, move the clock if nothing is
   * ready, move due timers to the ready queue, and swap the queues, so this iteration runs
   * exactly the handles ready now. False: not now (the loop waits to be woken).
   */
  _runOnce(): boolean {
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
    if (this._readyLen > 0 || this._stopping) timeout = 0;
    else if (timers.length > 0) timeout = Math.max(0, timers[0]!._when - this.time());
    if (timeout !== 0 && !this._mayPass(timeout)) return false;
    this._graceExpired = false;
    this._deadlockExpired = false;
    const end = this.time() + CLOCK_RESOLUTION;
    while (timers.length > 0) {
      if (timers[0]!._when >= end) break;
      const h = heappop(timers, timerLess);
      h._scheduled = false;
      this._append(h);
    }
    const done = this._current;
    this._current = this._ready;
    this._currentLen = this._readyLen;
    this._ready = done;
    this._readyLen = 0;
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
      this._waitTimer = nativeSetTimeout(() => {
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
    if (this._waitTimer !== null) nativeClearTimeout(this._waitTimer);
    this._waitTimer = null;
    microtask(this._pumpCallback);
  }

  // ================================ 4. task steps ===============================================

  _beginStep(task: AnyTask, first: boolean): void {
    this._stepping = task;
    this._stepParked = false;
    this._yieldPromise = null;
    this._yieldWaiter = null;
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

  _park(task: AnyTask, w: Waiter, immediate = false): void {
    task._addWaiter(w);
    if (immediate) this._pushReady(w);
    else {
      w.fut._addCallback(w);
      if (task._mustCancel && w.fut.cancel(task._cancelMessage)) task._mustCancel = false;
    }
    if (task === this._stepping) {
      if (this._stepParked) return;
      this._stepParked = true;
      if (this._traceTasks) this._emitSuspended(task, w.fut._label);
      // An eager first step ends at its own marker, after its generation's sibling `then`s.
      if (this._eagerCurrent !== null) return;
      // One microtask of grace lets sibling `then`s of the same step (Promise.all) register first.
      this._parkSeq = this._stepSeq;
      microtask(this._endParkedStep);
    } else if (this._traceTasks) this._emitSuspended(task, w.fut._label);
  }

  _endParkedStep = (): void => {
    const task = this._stepping;
    if (this._stepSeq !== this._parkSeq || task === null || !this._stepParked) return;
    if (this._eagerOpen > 0 && this._eagerCurrent === null) {
      // The step made an eager task whose first step still runs: it is part of this step.
      this._eagerDeferred = true;
      return;
    }
    const w = this._yieldWaiter;
    if (w !== null) {
      // A yield parks when `sleep(0)` is called, before the rest of the step's expression: one
      // more microtask lets what that queued (the `then`s of a `Promise.all` around it) go first.
      if (!this._yieldHopped) {
        this._yieldHopped = true;
        microtask(this._endParkedStep);
        return;
      }
      // Queued at the step's end, after whatever the step scheduled, as CPython's bare `yield`.
      this._pushReady(w);
      this._yieldPromise = null;
      this._yieldWaiter = null;
      if (this._traceTasks) this._emitSuspended(task, "sleep(0)");
    }
    this._stepping = null;
    this._pump();
  };

  /**
   * `sleep(0)` in the step in progress, before it parked on anything: the task yields, and
   * awaits a native promise that its waiter settles when its turn comes round. Null when no step
   * is in progress or it has parked already (then `sleep(0)` is the lazy awaitable, parked by
   * its `then`).
   *
   * Why: awaiting an object that is not a native promise costs V8 a job of its own to call its
   * `then`, a promise and two resolving functions, every step; awaiting a native promise costs
   * none of them. The step ends as it does when a `then` parks it, and the waiter joins the
   * ready queue at the step's end, so the order is CPython's even when the step does more
   * between `sleep(0)` and its `await`. If the promise turns out to be a coroutine given to a
   * task (`createTask(asyncio.sleep(0))`), the yield is withdrawn (`_withdrawYield`).
   */
  _yieldStep(): Promise<undefined> | null {
    const task = this._stepping;
    if (task === null || this._stepParked) return null;
    const p = new Promise<undefined>(catchResolvers);
    // One waiter per task, not per yield: with many tasks suspended, every object a step keeps
    // alive is copied by each young-generation collection.
    let w = task._yieldWaiter;
    if (w?._reusable()) w._reuse(caughtOk, caughtErr);
    else {
      w = new Waiter(task, SLEEP0_DONE, caughtOk, caughtErr);
      task._yieldWaiter = w;
    }
    task._addWaiter(w);
    this._yieldPromise = p;
    this._yieldWaiter = w;
    this._yieldHopped = false;
    this._stepParked = true;
    this._parkSeq = this._stepSeq;
    if (this._eagerCurrent === null) microtask(this._endParkedStep);
    return p;
  }

  /**
   * `promise` is the yield this step just made, handed to `Task` as a coroutine
   * (`createTask(asyncio.sleep(0))`): the step did not yield after all. True if it was.
   */
  _withdrawYield(promise: unknown): boolean {
    const w = this._yieldWaiter;
    if (w === null || promise !== this._yieldPromise || this._parkSeq !== this._stepSeq)
      return false;
    this._yieldPromise = null;
    this._yieldWaiter = null;
    w._task!._removeWaiter(w);
    this._stepParked = false;
    this._parkSeq = -1;
    return true;
  }

  _endStepNow(): void {
    this._stepping = null;
  }

  _taskFinished(task: AnyTask): void {
    this._tasks.delete(task);
    if (task === this._stepping) {
      const eager = this._eagerCurrent;
      if (eager !== null) {
        // Done in its eager first step: never scheduled; the step that made it goes on.
        this._eagerClose(eager);
        return;
      }
      if (this._eagerOpen > 0) {
        this._eagerDeferred = true;
        return;
      }
      this._stepping = null;
      if (!this._pumping) this._pump();
      return;
    }
    if (task._foreign) this._removeForeign(task);
    this._wake();
  }

  // ---- eager first steps --------------------------------------------------------------------
  //
  // Python 3.12's eager task runs its first step inside `create_task`, nested in the step (or
  // callback) that made it, until it suspends or finishes. The part before its first JavaScript
  // `await` runs here at once. What follows runs in microtasks, interleaved with the creator's
  // own: the two chains share one microtask queue, which V8 runs first in, first out. So each
  // generation of microtasks holds the task's jobs, then the creator's, and two markers that
  // re-queue themselves keep to those bounds: `enter` (before the task's jobs) loads the task's
  // step state, `exit` (after them) loads the creator's. The task's step ends at the `exit`
  // after it parks (so the sibling `then`s of a `Promise.all` register with it) or as soon as it
  // finishes; until then the creator's step cannot end and the loop runs nothing else.

  _saveStep(): StepState {
    return {
      stepping: this._stepping,
      parked: this._stepParked,
      seq: this._stepSeq,
      parkSeq: this._parkSeq,
      yieldPromise: this._yieldPromise,
      yieldWaiter: this._yieldWaiter,
      yieldHopped: this._yieldHopped,
      runningPlain: this._runningPlain,
      plainContext: this._plainContext,
      eager: this._eagerCurrent,
    };
  }

  _loadStep(st: StepState): void {
    this._stepping = st.stepping;
    this._stepParked = st.parked;
    this._stepSeq = st.seq;
    this._parkSeq = st.parkSeq;
    this._yieldPromise = st.yieldPromise;
    this._yieldWaiter = st.yieldWaiter;
    this._yieldHopped = st.yieldHopped;
    this._runningPlain = st.runningPlain;
    this._plainContext = st.plainContext;
    this._eagerCurrent = st.eager;
  }

  /**
   * Python 3.12's `Task.__eager_start`: run `task`'s first step now, inside the code creating
   * it; it stays open until the task suspends or finishes (see above).
   */
  _eagerStart(task: AnyTask): void {
    const e = new EagerStep(this._saveStep());
    e.enter = () => this._eagerEnter(e);
    e.exit = () => this._eagerExit(e);
    this._eagerOpen += 1;
    // Queued before the step runs, so before every microtask the step queues.
    microtask(e.enter);
    this._eagerCurrent = e;
    this._runningPlain = false;
    this._plainContext = null;
    task._firstStep();
    // The first step's synchronous part is over: leave it as each later microtask round does.
    this._eagerExit(e);
  }

  _inEagerStep(task: AnyTask): boolean {
    return this._eagerCurrent !== null && this._stepping === task;
  }

  _eagerEnter(e: EagerStep): void {
    if (!e.open) return;
    e.outer = this._saveStep();
    this._loadStep(e.inner!);
    if (++e.generations > EAGER_GENERATIONS) {
      // Neither parked nor finished after so many microtasks: it waits on something foreign.
      const task = this._stepping!;
      task._foreign = true;
      this._foreign.push(task);
      if (this._traceTasks) this._emitSuspended(task, "foreign");
      this._eagerClose(e);
      return;
    }
    microtask(e.enter);
  }

  _eagerExit(e: EagerStep): void {
    if (!e.open) return;
    if (this._stepParked) {
      this._eagerSuspended(e);
      return;
    }
    e.inner = this._saveStep();
    this._loadStep(e.outer);
    microtask(e.exit);
  }

  /** The eager step's task parked (its state is loaded): a `sleep(0)` yield joins the queue now. */
  _eagerSuspended(e: EagerStep): void {
    const w = this._yieldWaiter;
    if (w !== null) {
      this._pushReady(w);
      if (this._traceTasks) this._emitSuspended(this._stepping!, "sleep(0)");
    }
    this._eagerClose(e);
  }

  /** The eager step is over: the creator's state comes back; what waited for it goes on. */
  _eagerClose(e: EagerStep): void {
    e.open = false;
    e.inner = null;
    this._eagerOpen -= 1;
    this._loadStep(e.outer);
    if (this._eagerOpen === 0 && this._eagerDeferred) {
      this._eagerDeferred = false;
      microtask(this._endDeferredStep);
    }
  }

  /** What waited for the eager steps: the end of the creator's step, or the pump. */
  _endDeferredStep = (): void => {
    const task = this._stepping;
    if (task !== null && !task.done()) {
      if (this._stepParked) this._endParkedStep();
      return;
    }
    this._stepping = null;
    if (!this._pumping) this._pump();
  };

  /** A macrotask after a step began: if the step neither parked nor ended, it waits on something foreign. */
  _watchdog = (): void => {
    this._watchdogArmed = false;
    const task = this._stepping;
    if (!task || this._stepParked || this._closed) return;
    const w = task._lastWaiter();
    if (w) {
      if (this._traceTasks) this._emitSuspended(task, w.fut._label);
    } else {
      task._foreign = true;
      this._foreign.push(task);
      if (this._traceTasks) this._emitSuspended(task, "foreign");
    }
    this._stepping = null;
    this._pump();
  };

  // ================================ 5. foreign awaitables =======================================
  // A foreign continuation runs outside any loop step, so which task is "current" is inferred.

  _removeForeign(task: AnyTask): void {
    task._foreign = false;
    const i = this._foreign.indexOf(task);
    if (i >= 0) this._foreign.splice(i, 1);
  }

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

  _currentTask(): AnyTask | null {
    if (this._stepping) return this._stepping;
    if (this._runningPlain) return null;
    return this._foreign.length === 1 ? this._foreign[0]! : null;
  }

  /** The context code runs in now: the current task's, or the running callback's. */
  _runningContext(): Context | null {
    const task = this._currentTask();
    if (task) return task._context;
    return this._runningPlain ? this._plainContext : null;
  }

  // ================================ 6. trace, output, errors ====================================

  _emit(ev: TraceEvent): void {
    this._trace?.(ev);
  }

  _emitSuspended(task: AnyTask, on: string): void {
    this._emit({ type: "suspended", t: this.time(), task: task._number, on });
  }

  _loopError(text: string): void {
    this._emit({ type: "loop-error", t: this.time(), text });
  }

  _logLine(text: string): void {
    this._emit({ type: "print", t: this.time(), task: null, name: null, text });
  }

  /**
   * Python: `loop.get_debug()`: is debug mode on (`asyncio.run(main, { debug: true })`)?
   * @example
   * print(asyncio.getRunningLoop().getDebug()); // false
   */
  getDebug(): boolean {
    return this._debug;
  }

  /**
   * Python: `loop.set_debug(enabled)`. In debug mode a callback or task step that holds the loop
   * for `slowCallbackDuration` seconds (0.1 by default) is reported as
   * `WARNING:asyncio:Executing <Task …> took 0.250 seconds`.
   * @example
   * const loop = asyncio.getRunningLoop();
   * loop.setDebug(true);
   * loop.slowCallbackDuration = 0.5;
   */
  setDebug(enabled: boolean): void {
    this._debug = enabled;
  }

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

  /**
   * Python: `loop.set_exception_handler(handler)`: `handler(loop, context)` receives every error
   * the loop cannot hand to anyone (a callback that threw, a task exception never retrieved);
   * `null` restores the default (which prints a `LOOP-ERROR` line).
   * @example
   * asyncio.getRunningLoop().setExceptionHandler((loop, ctx) => print("caught:", ctx.message));
   */
  setExceptionHandler(handler: ExceptionHandler | null): void {
    if (handler !== null && typeof handler !== "function")
      throw new TypeError(`A callable object or None is expected, got ${String(handler)}`);
    this._exceptionHandler = handler;
  }

  /**
   * Python: `loop.get_exception_handler()`: the handler set with `setExceptionHandler`, or `null`.
   * @example
   * print(asyncio.getRunningLoop().getExceptionHandler() === null); // true
   */
  getExceptionHandler(): ExceptionHandler | null {
    return this._exceptionHandler;
  }

  /**
   * Python: `loop.call_exception_handler(context)`: hand `context` to the handler set with
   * `setExceptionHandler`, or to `defaultExceptionHandler`. A handler that throws is reported by
   * the default handler, as in CPython.
   * @example
   * loop.callExceptionHandler({ message: "something broke", exception: new asyncio.ValueError("x") });
   */
  callExceptionHandler(context: ExceptionContext): void {
    const handler = this._exceptionHandler;
    if (handler === null) {
      this.defaultExceptionHandler(context);
      return;
    }
    try {
      handler(this, context);
    } catch (e) {
      this.defaultExceptionHandler({
        message: "Unhandled error in exception handler",
        exception: e,
        context,
      });
    }
  }

  /**
   * Python: `loop.default_exception_handler(context)`. CPython logs the message and traceback
   * on stderr; here the output gets one line, `LOOP-ERROR Type: message` for the exception (or
   * the message when there is none), the line the recorded Python transcripts carry.
   * @example
   * loop.setExceptionHandler((loop, ctx) => {
   *   if (!(ctx.exception instanceof asyncio.CancelledError)) loop.defaultExceptionHandler(ctx);
   * });
   */
  defaultExceptionHandler(context: ExceptionContext): void {
    const exc = context.exception;
    this._loopError(exc !== undefined && exc !== null ? formatError(exc) : context.message);
  }
}
