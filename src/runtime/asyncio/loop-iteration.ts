/**
 * The loop's iterations: a port of CPython's `BaseEventLoop._run_once` and `run_forever`, with
 * the ready queue and the timer heap it drains.
 *
 * Each iteration moves due timers to the ready queue, snapshots how many callbacks are ready, and
 * runs exactly those, FIFO; what they schedule runs in the next iteration. When nothing is ready,
 * the clock may only move once nothing outside the loop (a foreign awaitable, a thread) could
 * still schedule something earlier; otherwise the loop waits, without blocking, to be woken.
 */
import { formatError, RuntimeError } from "./errors.ts";
import { CONTEXT, type Handle, STEP, type TimerHandle, timerLess } from "./handle.ts";
import { heapify, heappop, heappush } from "./heap.ts";
import { type AnyTask, LoopCore, perfNow } from "./loop-core.ts";
import { onMacrotask } from "./macrotask.ts";

const CLOCK_RESOLUTION = 1e-9; // time.get_clock_info('monotonic').resolution on Linux

export abstract class IteratingLoop extends LoopCore {
  /** Start a task step (see `loop-steps.ts`). */
  abstract _beginStep(task: AnyTask, first: boolean): void;
  /** The task no longer waits on a foreign awaitable (see `loop-foreign.ts`). */
  abstract _removeForeign(task: AnyTask): void;

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
}
