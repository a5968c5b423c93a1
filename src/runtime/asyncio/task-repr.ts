/**
 * Python's `repr()` of a task, a future and a callback handle, as debug mode's warnings show
 * them (`Executing <Task pending name='Task-1' coro=<main() running> …> took 0.250 seconds`).
 *
 * CPython's reprs also name files, line numbers and, in debug mode, where each object was created
 * (`coro=<main() running at /home/me/main.py:7>`); those differ between machines and versions,
 * so the recorded transcripts leave them out (`scripts/python/_asyncio_live_recorder/asyncio_log.py`)
 * and so does this port: it has no Python files to point at.
 */
import { pyRepr } from "./format.ts";
import { FINISHED, type Future, PENDING, Waiter } from "./future.ts";
import { type Handle, TimerHandle } from "./handle.ts";
import { SLEEP0_DONE } from "./sleep.ts";
import { Task } from "./task.ts";

type AnyFuture = Future<unknown>;
type AnyTask = Task<unknown>;

/** Callbacks whose Python name is not their JavaScript one (the runner's `_run_until_complete_cb`). */
const pythonNames = new WeakMap<object, string>();

/**
 * Give `fn` the name CPython's own callback for the same job has, for reprs.
 * @example
 * task.addDoneCallback(nameCallback(() => loop.stop(), "_run_until_complete_cb"));
 */
export function nameCallback<F extends object>(fn: F, pythonName: string): F {
  pythonNames.set(fn, pythonName);
  return fn;
}

/**
 * A function's name as its Python twin spells it: `resizeImage` is `resize_image` (the port's
 * names are Python's in camelCase), `worker.bind(null, 1)` is `worker`, an anonymous arrow is
 * Python's `<lambda>`.
 */
function callableName(fn: unknown): string {
  if (typeof fn !== "function") return pyRepr(fn);
  const named = pythonNames.get(fn);
  if (named !== undefined) return named;
  const name = fn.name.replace(/^bound /, "");
  if (name === "") return "<lambda>";
  return /^[a-z]/.test(name) ? name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : name;
}

/** CPython's `format_helpers._format_callback` for a callback with no arguments shown. */
function callbackRepr(cb: unknown): string {
  if (cb instanceof Waiter) return cb._task !== null ? "Task.task_wakeup()" : "<then>()";
  return `${callableName(cb)}()`;
}

/** CPython's `base_futures._format_callbacks`: the first, the last, and how many between. */
function callbacksRepr(fut: AnyFuture): string | null {
  const cbs: unknown[] = fut._callback0 !== null ? [fut._callback0] : [];
  cbs.push(...fut._callbacks);
  if (cbs.length === 0) return null;
  const first = callbackRepr(cbs[0]);
  if (cbs.length === 1) return `cb=[${first}]`;
  const last = callbackRepr(cbs[cbs.length - 1]);
  if (cbs.length === 2) return `cb=[${first}, ${last}]`;
  return `cb=[${first}, <${cbs.length - 2} more>, ${last}]`;
}

/** CPython's `base_futures._future_repr_info`: state, outcome, callbacks. */
function futureInfo(fut: AnyFuture): string[] {
  const info: string[] = [
    fut._state === PENDING ? "pending" : fut._state === FINISHED ? "finished" : "cancelled",
  ];
  if (fut._state === FINISHED) {
    info.push(
      fut._hasException ? `exception=${pyRepr(fut._exception)}` : `result=${pyRepr(fut._result)}`,
    );
  }
  const cbs = callbacksRepr(fut);
  if (cbs !== null) info.push(cbs);
  return info;
}

/**
 * What the task awaits (CPython's `_fut_waiter`): null after a bare yield (`sleep(0)`). A future
 * that is done but whose wake-up has not run yet is still shown, as CPython shows it.
 */
function awaitedBy(task: AnyTask): AnyFuture | null {
  if (task._state !== PENDING) return null;
  const w = task._lastWaiter();
  if (w === null || w.fut === SLEEP0_DONE) return null;
  return w.fut;
}

/**
 * Python's `repr(task)`, without file locations.
 * @example
 * taskRepr(task); // "<Task pending name='Task-2' coro=<worker() running> wait_for=<Future pending cb=[Task.task_wakeup()]>>"
 */
export function taskRepr(task: AnyTask): string {
  const info = futureInfo(task);
  if (task._state === PENDING && task._numCancelsRequested > 0) info[0] = "cancelling";
  info.splice(1, 0, `name=${pyRepr(task.getName())}`);
  const coro = `${callableName(task._coro)}() ${task._state === PENDING ? "running" : "done"}`;
  info.splice(2, 0, `coro=<${coro}>`);
  const waitingOn = awaitedBy(task);
  if (waitingOn !== null) info.splice(3, 0, `wait_for=${futureRepr(waitingOn)}`);
  return `<Task ${info.join(" ")}>`;
}

/**
 * Python's `repr(future)` (a task's when it is one), without file locations.
 * @example
 * futureRepr(asyncio.getRunningLoop().createFuture()); // "<Future pending>"
 */
export function futureRepr(fut: AnyFuture): string {
  if (fut instanceof Task) return taskRepr(fut);
  return `<Future ${futureInfo(fut).join(" ")}>`;
}

/**
 * Python's `repr(handle)` for a `callSoon`/`callLater` callback, without file locations.
 * @example
 * handleRepr(loop.callSoon(tick)); // "<Handle tick()>"
 */
export function handleRepr(h: Handle): string {
  const [cb, args] = Array.isArray(h._arg) ? (h._arg as [unknown, unknown[]]) : [h._fn, []];
  const call = `${callableName(cb)}(${(args ?? []).map((a) => pyRepr(a)).join(", ")})`;
  const state = h._cancelled ? " cancelled" : "";
  if (h instanceof TimerHandle) return `<TimerHandle${state} when=${pyRepr(h._when)} ${call}>`;
  return `<Handle${state} ${call}>`;
}
