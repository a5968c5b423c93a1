/**
 * The CPython version whose semantics the runtime follows, and every behaviour that depends on
 * it, in one table. The host sets the version before a run (`configure({ python: "3.13" })`,
 * from the version the reader chose); reader code cannot, since `configure` is the host's.
 *
 * A fact is "since 3.X": a version follows it when it is 3.X or newer. So a version the table
 * does not name yet (3.15) behaves as the newest it does name (3.14), and a later change is one
 * more entry here. Each entry cites the CPython change; `tests/unit/runtime/python-version.test.ts`
 * checks each against the real interpreters.
 */

/** A CPython feature version, "3.11", "3.12", … */
export type PythonVersion = `3.${number}`;

/** The version the runtime follows when the host names none: the oldest the site records. */
export const DEFAULT_PYTHON: PythonVersion = "3.11";

/** The versions whose differences this table has been checked against. */
export const CHECKED_VERSIONS: readonly PythonVersion[] = ["3.11", "3.12", "3.13"];

/** Behaviour that changed between versions, and the version it first appears in. */
export const SINCE = {
  /**
   * `asyncio.wait_for` is `async with timeouts.timeout(t): return await fut`: a coroutine runs
   * in the awaiting task (no `Task-N` of its own). gh-96764, What's New in 3.12.
   */
  waitForOnTimeout: "3.12",
  /**
   * `asyncio.eager_task_factory`, `asyncio.create_eager_task_factory(constructor)` and
   * `Task(coro, eager_start=True)`: a task that runs its first step inside `create_task`
   * (before, the names are an AttributeError, the keyword a TypeError). gh-97696, What's New
   * in 3.12.
   */
  eagerTaskFactory: "3.12",
  /**
   * `Server.wait_closed()` (so `async with server:` on its way out) waits until every connection
   * the server accepted is dropped, also when the server was closed already; before, it
   * returned at once. gh-79033, in 3.12.1 (the 3.12 recordings' version).
   */
  serverWaitClosedWaitsForConnections: "3.12",
  /**
   * `asyncio.create_task(coro, name=…)` and `TaskGroup.create_task(…, name=…)` pass the name to
   * the task instead of renaming it afterwards, so a named task no longer uses up a `Task-N`
   * number. gh-112622 (tasks.py and taskgroups.py in 3.13).
   */
  namedTaskTakesNoNumber: "3.13",
  /**
   * `as_completed()` returns an iterator object, not a generator: it wraps the awaitables in
   * tasks when called, not when iterated, and is also an async iterator yielding the original
   * tasks and futures as they finish (before, `async for` over it is a TypeError). gh-77714,
   * What's New in 3.13.
   */
  asCompletedIterator: "3.13",
  /**
   * `loop.create_task` with a task factory calls `task.set_name(name)` even when no name was
   * given, so an unnamed task made through a factory (the eager one too) is named "None".
   * 3.13.0 to 3.13.2 (the 3.13 recordings are 3.13.0's), gh-130033; 3.14 calls no `set_name`.
   */
  factoryTaskNamedNone: "3.13",
  /** `Queue.shutdown()` and `QueueShutDown`. gh-96471, What's New in 3.13. */
  queueShutdown: "3.13",
  /**
   * `create_task(coro, eager_start=True)` (module, loop and TaskGroup), and `loop.create_task`
   * passes every keyword to a task factory instead of setting the name afterwards. gh-128307,
   * What's New in 3.14. Checked against Pyodide's CPython 3.14, not in `CHECKED_VERSIONS`.
   */
  createTaskEagerStart: "3.14",
} as const satisfies Record<string, PythonVersion>;

export type VersionedBehaviour = keyof typeof SINCE;

let current: PythonVersion = DEFAULT_PYTHON;

/** Is `v` a version string the runtime accepts ("3.11", not "3.11.7" or "4")? */
export function isPythonVersion(v: unknown): v is PythonVersion {
  return typeof v === "string" && /^3\.\d{1,2}$/.test(v);
}

/** The minor number of "3.X". */
function minor(v: PythonVersion): number {
  return Number(v.slice(2));
}

/** The host's choice of version for the runs that follow (through `configure`). */
export function setPythonVersion(v: PythonVersion): void {
  if (!isPythonVersion(v)) throw new TypeError(`not a Python version: ${String(v)}`);
  current = v;
}

/**
 * The version the runtime follows now. Python: `sys.version_info[:2]`, as "3.X".
 * @example
 * asyncio.host.pythonVersion(); // "3.11" unless the host chose another
 */
export function pythonVersion(): PythonVersion {
  return current;
}

/**
 * Does the version followed now have `behaviour`?
 * @example
 * if (since("namedTaskTakesNoNumber")) { … } // 3.13 and newer
 */
export function since(behaviour: VersionedBehaviour): boolean {
  return minor(current) >= minor(SINCE[behaviour]);
}
