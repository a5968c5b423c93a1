/**
 * Tasks suspended on foreign awaitables (a native promise, timer or I/O the runtime does not
 * own; the step watchdog in `loop-steps.ts` finds them), host callbacks run on such a task's
 * behalf, and work outside the loop (threads) that virtual time must wait for.
 *
 * A foreign continuation runs outside any loop step, so which task is "current" has to be
 * inferred: that is what `_taskForAwait` and `_currentTask` decide.
 */
import { CONTEXT, Handle, TimerHandle } from "./handle.ts";
import type { AnyTask } from "./loop-core.ts";
import { SteppingLoop } from "./loop-steps.ts";

export abstract class ForeignAwareLoop extends SteppingLoop {
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

  override _removeForeign(task: AnyTask): void {
    task._foreign = false;
    const i = this._foreign.indexOf(task);
    if (i >= 0) this._foreign.splice(i, 1);
  }

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
  override _currentTask(): AnyTask | null {
    if (this._stepping) return this._stepping;
    if (this._runningPlain) return null;
    return this._foreign.length === 1 ? this._foreign[0]! : null;
  }
}
