/**
 * Parses a recorded transcript (CPython's `python.out`, or the runtime's own) into lines.
 *
 * The format is fixed in docs/TEAM.md: `[t=1.000 Task-2] text` inside a task,
 * `[t=1.000] text` outside any task, `[t=2.000] EXC Type: message` (sub-exceptions of an
 * ExceptionGroup indented two spaces per level after `EXC `) and
 * `[t=2.000] LOOP-ERROR Type: message`. Pure: no DOM, no clock.
 */

/** One line of a transcript. `t` is seconds since the loop started. */
export type ParsedLine =
  /** A printed line; `task` is the task's name (`Task-2`, or a name set with `set_name`), or null outside any task. */
  | { kind: "print"; t: number; task: string | null; text: string }
  /** An exception that escaped `asyncio.run`; `depth` 0 is the top one, 1 a sub-exception of a group, … */
  | { kind: "exception"; t: number; task: null; text: string; depth: number }
  /** An error that reached the loop's exception handler. */
  | { kind: "loop-error"; t: number; task: null; text: string }
  /** A line that does not follow the format (kept so nothing the program wrote is lost). */
  | { kind: "unstamped"; t: null; task: null; text: string };

// `[t=` seconds `]` or `[t=` seconds ` ` name `]`, then one space before the text. A task
// name is taken up to the first `]`, so a name containing `]` cannot round-trip (CPython's
// default names never do).
const STAMP = /^\[t=(\d+(?:\.\d+)?)(?: ([^\]]*))?\](?: |$)/;

/**
 * Splits a transcript into lines and reads each one's stamp.
 *
 * A line outside any task whose text starts with `EXC ` or `LOOP-ERROR ` is read as the
 * error line the format defines (a program that prints such text itself is ambiguous in
 * the format too). A trailing newline does not make an extra line; `\r\n` is accepted.
 *
 * @example
 * parseTranscript("[t=0.000 Task-1] hello\n[t=1.000] EXC ValueError: boom\n")
 * // [{ kind: "print", t: 0, task: "Task-1", text: "hello" },
 * //  { kind: "exception", t: 1, task: null, text: "ValueError: boom", depth: 0 }]
 */
export function parseTranscript(text: string): ParsedLine[] {
  const raw = text.split(/\r?\n/);
  if (raw.length > 0 && raw[raw.length - 1] === "") raw.pop();
  return raw.map(parseLine);
}

/** Parses one transcript line (without its newline). */
export function parseLine(line: string): ParsedLine {
  const m = STAMP.exec(line);
  if (!m) return { kind: "unstamped", t: null, task: null, text: line };
  const t = Number(m[1]);
  const task = m[2] ?? null;
  const rest = line.slice(m[0].length);
  if (task === null) {
    if (rest.startsWith("EXC ")) {
      const body = rest.slice(4);
      const indent = body.length - body.trimStart().length;
      return {
        kind: "exception",
        t,
        task: null,
        text: body.slice(indent),
        depth: Math.floor(indent / 2),
      };
    }
    if (rest.startsWith("LOOP-ERROR ")) {
      return { kind: "loop-error", t, task: null, text: rest.slice(11) };
    }
  }
  return { kind: "print", t, task, text: rest };
}
