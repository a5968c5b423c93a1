/**
 * "Task exception was never retrieved": when the port reports a failed task that nobody read.
 *
 * CPython reports it when the task is freed (`Task.__del__`), which depends on who still holds
 * it; JavaScript cannot see references, so the port decides by a rule that needs none. What the
 * program did with the task when it made it is told by the compiler (`src/shared/task-marks.ts`
 * marks the two forms below; the sandbox hands the marks to `markDropped`/`markLocal`):
 *
 * - `asyncio.createTask(job);` as a statement of its own (**dropped**): only the loop holds it,
 *   so it is reported as soon as it fails, or after its done callbacks ran (they hold it until
 *   then), unless one of them read it. CPython: the same moment.
 * - `const t = asyncio.createTask(job);` (**local**): the creating task's frame holds it, so it
 *   is reported when that task ends, unless read by then; if it fails after that, when it fails.
 *   CPython: the same, unless the local was rebound or deleted sooner.
 * - anything else (**kept**: in a list, a dict, an argument, or code the compiler did not see):
 *   reported when the run's main task ends, unless read by then; if it fails after that, when it
 *   fails. CPython: the same for what `main`'s frame holds; later (or never) for a task held by
 *   something that outlives `main`.
 *
 * "Read" is `await`, `result()` or `exception()` (Python's `_log_traceback` cleared). A task
 * that fails while shutdown cancels it is reported by the runner alone ("unhandled exception
 * during asyncio.run() shutdown"), as CPython's `run` does; what is left unreported when the
 * runner closes (a holder that never ended) is reported then.
 */
import { PENDING } from "./future.ts";
import { Handle } from "./handle.ts";
import type { LoopInternals } from "./loop-internals.ts";
import type { Task } from "./task.ts";

/** How the program holds a task, as its creation says. */
export const KEPT = 0;
export const LOCAL = 1;
export const DROPPED = 2;
/** Cancelled by the runner's shutdown, which reports its failure itself. */
export const AT_SHUTDOWN = 3;
export type Holding = typeof KEPT | typeof LOCAL | typeof DROPPED | typeof AT_SHUTDOWN;

type AnyTask = Task<unknown>;

/** The newest task made: a mark is for the task its statement just created, never an old one. */
let newest: AnyTask | null = null;

/** `task` was just created (called by its constructor). */
export function taskCreated(task: AnyTask): void {
  newest = task;
}

/**
 * The value of a statement that was only a task's creation (`asyncio.createTask(job);`).
 * @example
 * markDropped(asyncio.createTask(job)); // what the compiled `asyncio.createTask(job);` does
 */
export function markDropped(value: unknown): void {
  if (value === newest && newest !== null && newest._holding === KEPT) newest._holding = DROPPED;
}

/**
 * The value a `const`/`let`/`var` declaration got straight from a task's creation.
 * @example
 * const t = asyncio.createTask(job);
 * markLocal(t); // what the compiled declaration does
 */
export function markLocal(value: unknown): void {
  if (value === newest && newest !== null && newest._holding === KEPT) newest._holding = LOCAL;
}

/** The task whose end lets go of `t`, or null (only the loop holds it, or no run holds it). */
function holderOf(loop: LoopInternals, t: AnyTask): AnyTask | null {
  if (t._holding === LOCAL && t._creator !== null) return t._creator;
  return loop._mainTask;
}

/**
 * `t` has just failed, and its done callbacks (if `hadCallbacks`) are scheduled: report it now,
 * after those callbacks, or when its holder ends.
 */
export function taskFailed(loop: LoopInternals, t: AnyTask, hadCallbacks: boolean): void {
  if (t._holding === AT_SHUTDOWN || t === loop._mainTask) return;
  if (t._holding !== DROPPED) {
    const holder = holderOf(loop, t);
    if (holder === null || holder._state === PENDING) {
      loop._unretrieved.push(t);
      return;
    }
  }
  // Nothing but the loop holds it: freed now, or once the callbacks that hold it have run.
  if (hadCallbacks) loop._pushReady(new Handle(reportIfUnread, t));
  else reportIfUnread(t);
}

/** `task` is ending (its frame goes): report what only it held. */
export function taskEnding(loop: LoopInternals, task: AnyTask): void {
  const list = loop._unretrieved;
  if (list.length === 0) return;
  const freed = list.filter((t) => holderOf(loop, t) === task);
  if (freed.length === 0) return;
  loop._unretrieved = list.filter((t) => holderOf(loop, t) !== task);
  report(freed);
}

/** The runner closes: report every failed task still unread, in creation order. */
export function reportUnretrieved(loop: LoopInternals): void {
  const list = loop._unretrieved;
  loop._unretrieved = [];
  report(list);
}

function report(tasks: AnyTask[]): void {
  tasks.sort((a, b) => a._number - b._number);
  for (const t of tasks) reportIfUnread(t);
}

function reportIfUnread(arg: unknown): void {
  const t = arg as AnyTask;
  if (!t._logTraceback) return;
  t._logTraceback = false;
  t._loop!.callExceptionHandler({
    message: "Task exception was never retrieved",
    exception: t._exception,
    future: t,
  });
}
