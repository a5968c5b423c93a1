/**
 * "Task exception was never retrieved": when the port reports a failed task that nobody read.
 *
 * CPython reports it when the task is freed (`Task.__del__`), which depends on who still holds
 * it; JavaScript cannot see references, so the port decides by a rule that needs none. What the
 * program did with the task when it made it is told by the compiler (`src/shared/task-marks.ts`
 * marks the two forms below; the sandbox hands the marks to `markDropped`/`markLocal`):
 *
 * - `asyncio.createTask(job);` as a statement of its own, or with a call chained on it
 *   (`asyncio.createTask(job).addDoneCallback(cb);`) (**dropped**): only the loop holds it,
 *   so it is reported as soon as it fails, or after its done callbacks ran (they hold it until
 *   then), unless one of them read it. CPython: the same moment.
 * - `const t = asyncio.createTask(job);` (**local**): the creating task's frame holds it, so it
 *   is reported when that task ends, unless read by then; if it fails after that, when it fails.
 *   The same declaration run again by the same task (a loop) rebinds the variable: the task it
 *   held is let go then, as Python frees it. CPython: the same, unless deleted sooner.
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

/** Tasks made so far, and the newest: a mark is for a task its own statement made. */
let created = 0;
let newest: AnyTask | null = null;

/** `task` was just created (called by its constructor). */
export function taskCreated(task: AnyTask): void {
  created += 1;
  newest = task;
}

/**
 * A statement that starts with a task's creation and keeps nothing (`asyncio.createTask(job);`,
 * or `asyncio.createTask(job).addDoneCallback(cb);`) is about to run; assigning its value to the
 * returned mark's `value` says it ran, and the last task it made (the outermost creation, since
 * arguments run first) is dropped.
 * @example
 * droppedStatement().value = asyncio.createTask(job); // the compiled `asyncio.createTask(job);`
 */
export function droppedStatement(): { value: unknown } {
  const before = created;
  return {
    set value(_: unknown) {
      if (created > before && newest !== null && newest._holding === KEPT)
        newest._holding = DROPPED;
    },
    get value(): unknown {
      return undefined;
    },
  };
}

/**
 * A task the runtime made for itself and whose done callback reads its outcome (a server's
 * connection handler): only the loop and that callback hold it, as with a dropped statement, so
 * its failure is the callback's to report, not the main task's end.
 */
export function heldByItsCallbacks(task: AnyTask): void {
  task._holding = DROPPED;
}

/**
 * `[task, site]`: a `const`/`let`/`var` declaration at `site` (a line of the compiled program)
 * got `task` straight from its creation. The same declaration run again by the same task (in a
 * loop) rebinds the variable, so the task it held before is let go, as Python frees it.
 * @example
 * const t = asyncio.createTask(job);
 * markLocal([t, 12]); // the compiled declaration, on line 12
 */
export function markLocal(binding: unknown): void {
  const [task, site] = binding as [unknown, number];
  if (task !== newest || newest === null || newest._holding !== KEPT) return;
  newest._holding = LOCAL;
  const creator = newest._creator;
  if (creator === null) return;
  creator._localSites ??= new Map();
  const previous = creator._localSites.get(site);
  creator._localSites.set(site, newest);
  if (previous !== undefined) letGo(previous);
}

/** Nothing holds `t` any more but the loop: report it now if it failed and nobody read it. */
function letGo(t: AnyTask): void {
  if (t._holding !== LOCAL) return;
  t._holding = DROPPED;
  const held = t._creator?._heldFailed;
  const i = held ? held.indexOf(t) : -1;
  if (i < 0) return;
  held!.splice(i, 1);
  reportIfUnread(t);
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
    if (holder === null) {
      loop._unretrieved.push(t);
      return;
    }
    if (holder._state === PENDING) {
      // Kept with the holder, not in one list for the loop: a task's end looks at its own.
      if (holder._heldFailed === null) holder._heldFailed = [t];
      else holder._heldFailed.push(t);
      return;
    }
  }
  // Nothing but the loop holds it: freed now, or once the callbacks that hold it have run.
  if (hadCallbacks) loop._pushReady(new Handle(reportIfUnread, t));
  else reportIfUnread(t);
}

/** `task` is ending (its frame goes): report what only it held. */
export function taskEnding(task: AnyTask): void {
  task._localSites = null;
  const held = task._heldFailed;
  if (held === null) return;
  task._heldFailed = null;
  report(held);
}

/** The runner closes: report the failed tasks no task held (made with no run's main task). */
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
