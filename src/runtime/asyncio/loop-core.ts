/**
 * The state every part of the event loop shares, and the loop's voice: trace events and stamped
 * output. The loop is one class built in layers (see `loop.ts`), and each layer reads state that
 * another owns, so the fields live here, in one place, as they do in CPython's
 * `BaseEventLoop.__init__`.
 */
import type { Clock } from "./clock.ts";
import type { Handle, TimerHandle } from "./handle.ts";
import type { Limits } from "./state.ts";
import type { Task } from "./task.ts";
import type { TraceEvent, TraceSubscriber } from "./trace.ts";

export type AnyTask = Task<unknown>;

/** The host's monotonic clock in ms: the loop's time slices are real time, whatever its clock. */
export const perfNow: () => number =
  typeof performance !== "undefined" ? () => performance.now() : Date.now;

export abstract class LoopCore {
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

  /** The current task, as Python's `current_task()` would see it (see `loop-foreign.ts`). */
  abstract _currentTask(): AnyTask | null;

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
