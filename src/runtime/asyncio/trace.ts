/**
 * The trace: every task event and every printed line, in the order they happened.
 *
 * The playground draws its output and its timeline only from this stream, so an event
 * carries everything needed to draw it (no lookups into live runtime objects). Times are
 * seconds since the loop started, on the loop's clock (virtual, real or scaled).
 * Tasks are identified by `task`, the number N that CPython uses in its default name
 * `Task-N`; the name itself can change (`setName`), so it travels separately.
 */
export type TraceEvent =
  /** A task was created (by `createTask`, `gather`, `TaskGroup`, `run`, …). */
  // `task` is the Task-N number; a task named at creation has none and gets a negative id.
  | { type: "created"; t: number; task: number; name: string; parent: number | null }
  /** A task took its first step. */
  | { type: "started"; t: number; task: number }
  /** A task is suspended, waiting on `on`: `sleep(1)`, `Lock`, `Queue.get`, `Task-3`, `Future`, `foreign`, … */
  | { type: "suspended"; t: number; task: number; on: string }
  /** A suspended task took another step. */
  | { type: "resumed"; t: number; task: number }
  /** A task returned; `result` is its value formatted like Python's `repr`. */
  | { type: "done"; t: number; task: number; result: string }
  /** A task raised; `error` is `Type: message` (`Type` alone when the message is empty). */
  | { type: "failed"; t: number; task: number; error: string }
  /** A task ended cancelled; `message` is the cancel message, or "" when none was given. */
  | { type: "cancelled"; t: number; task: number; message: string }
  /** A task was renamed with `setName`. */
  | { type: "renamed"; t: number; task: number; name: string }
  /**
   * One printed line, without its newline. `task` and `name` are the current task when the
   * line's first character was written, or null outside any task (a `callSoon` callback).
   */
  | { type: "print"; t: number; task: number | null; name: string | null; text: string }
  /**
   * An error escaped `run`: `lines[0]` is `Type: message`; for an `ExceptionGroup` each
   * sub-exception follows, indented two spaces per level.
   */
  | { type: "exception"; t: number; lines: string[] }
  /** An error reached the loop's exception handler ("Task exception was never retrieved", …). */
  | { type: "loop-error"; t: number; text: string };

export type TraceEventType = TraceEvent["type"];

/** Receives trace events as they happen. */
export type TraceSubscriber = (event: TraceEvent) => void;
