/**
 * Task steps: how the loop runs a JavaScript async function one step at a time.
 *
 * A task step calls into the task's JS (its function on the first step, a stored `onOk`/`onErr`
 * later) and then waits, without blocking, until the task parks (its `then` on a pending runtime
 * future, see `future.ts`) or its promise settles; only then does the loop run the next ready
 * callback. Parking and settling signal the loop directly, so a step costs a few microtasks and
 * no macrotask. A step that neither parks nor settles before the microtask queue drains is
 * waiting on something the runtime does not own (a native timer, I/O): a macrotask watchdog
 * notices, and the task counts as suspended on a foreign awaitable (see `loop-foreign.ts`).
 */
import type { Waiter } from "./future.ts";
import { Handle, STEP } from "./handle.ts";
import type { AnyTask } from "./loop-core.ts";
import { IteratingLoop } from "./loop-iteration.ts";
import { onMacrotask } from "./macrotask.ts";

export abstract class SteppingLoop extends IteratingLoop {
  _scheduleWaiter(w: Waiter): void {
    this._pushReady(w);
  }

  /** Schedule a task's step (its first step, or a resume) for the next iteration. */
  _scheduleStep(task: AnyTask, fn: (arg: unknown) => void, arg: unknown): void {
    this._pushReady(new Handle(fn, arg, STEP, task));
  }

  override _beginStep(task: AnyTask, first: boolean): void {
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
}
