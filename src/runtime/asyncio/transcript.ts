/**
 * Transcripts, both ways: a run's trace written in the text format of docs/TEAM.md (the same
 * format as CPython's recorded `python.out`), and that text read back into lines. One module,
 * so the writer and the reader cannot drift apart (a round-trip test holds them together).
 *
 * The format: `[t=1.000 Task-2] text` inside a task, `[t=1.000] text` outside any task,
 * `[t=2.000] EXC Type: message` (sub-exceptions of an ExceptionGroup indented two spaces per
 * level after `EXC `) and `[t=2.000] LOOP-ERROR Type: message`. Pure: no DOM, no clock, so the
 * runtime, the sandbox, the build and the page may all import it.
 */
import { formatTime } from "./format.ts";
import type { TraceEvent } from "./trace.ts";

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

/**
 * The transcript lines for one trace event (none for task events).
 * @example
 * transcriptLines({ type: "print", t: 1, task: 2, name: "Task-2", text: "hi" }); // ["[t=1.000 Task-2] hi"]
 */
export function transcriptLines(ev: TraceEvent): string[] {
  const t = formatTime(ev.t);
  switch (ev.type) {
    case "print":
      return [ev.name === null ? `[t=${t}] ${ev.text}` : `[t=${t} ${ev.name}] ${ev.text}`];
    case "exception":
      return ev.lines.map((line) => `[t=${t}] EXC ${line}`);
    case "loop-error":
      return [`[t=${t}] LOOP-ERROR ${ev.text}`];
    default:
      return [];
  }
}

/**
 * The whole transcript of a run: one line per printed line, each ending with `\n`.
 * @example
 * const events: TraceEvent[] = [];
 * asyncio.configure({ trace: (e) => events.push(e) });
 * await asyncio.run(main);
 * process.stdout.write(asyncio.transcript(events));
 */
export function transcript(events: Iterable<TraceEvent>): string {
  let out = "";
  for (const ev of events) for (const line of transcriptLines(ev)) out += `${line}\n`;
  return out;
}

/**
 * The transcript lines a trace event stands for, already read (most events stand for none):
 * what `parseTranscript(transcript([event]))` gives, without the text in between (times keep
 * their full precision).
 * @example
 * parsedLinesOf({ type: "print", t: 1, task: 2, name: "Task-2", text: "hi" });
 * // [{ kind: "print", t: 1, task: "Task-2", text: "hi" }]
 */
export function parsedLinesOf(event: TraceEvent): ParsedLine[] {
  switch (event.type) {
    case "print":
      return [{ kind: "print", t: event.t, task: event.name, text: event.text }];
    case "exception":
      return event.lines.map((line) => exceptionLine(event.t, line));
    case "loop-error":
      return [{ kind: "loop-error", t: event.t, task: null, text: event.text }];
    default:
      return [];
  }
}

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

/**
 * Parses one transcript line (without its newline).
 * @example
 * parseLine("[t=1.500] LOOP-ERROR ValueError: x"); // { kind: "loop-error", t: 1.5, task: null, text: "ValueError: x" }
 */
export function parseLine(line: string): ParsedLine {
  const m = STAMP.exec(line);
  if (!m) return { kind: "unstamped", t: null, task: null, text: line };
  const t = Number(m[1]);
  const task = m[2] ?? null;
  const rest = line.slice(m[0].length);
  if (task === null) {
    if (rest.startsWith("EXC ")) return exceptionLine(t, rest.slice(4));
    if (rest.startsWith("LOOP-ERROR ")) {
      return { kind: "loop-error", t, task: null, text: rest.slice(11) };
    }
  }
  return { kind: "print", t, task, text: rest };
}

/** An `EXC` line's body: two spaces of indent per nesting level, then `Type: message`. */
function exceptionLine(t: number, body: string): ParsedLine {
  const text = body.trimStart();
  return {
    kind: "exception",
    t,
    task: null,
    text,
    depth: Math.floor((body.length - text.length) / 2),
  };
}
