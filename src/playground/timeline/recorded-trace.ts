/**
 * CPython's recorded run as trace events: the recorder's task events (`python.trace`, written
 * by `scripts/python/_asyncio_live_recorder/task_trace.py`) merged with the transcript's lines
 * where they fell. The timeline draws them as it draws a live run, so a task that never printed
 * has its lane and the lanes come in the order a live run gives them (creation order).
 */
import type { TraceEvent } from "../../runtime/asyncio/trace.ts";
import type { ParsedLine } from "../../runtime/asyncio/transcript.ts";

/** One recorded event: `[kind, t, task, detail]`, or `["p", n]` for the next n transcript lines. */
export type RecordedEvent =
  | ["c", number, number, string, number | null]
  | ["s" | "r", number, number]
  | ["w" | "d" | "f" | "x" | "n", number, number, string]
  | ["p", number];

/** The file's JSON: format version and events. */
export interface RecordedTrace {
  v: 1;
  e: RecordedEvent[];
}

/** One version's recorded run as the page carries it: its transcript and its task events. */
export interface Recording {
  /** The CPython version that ran it ("3.13"). */
  version: string;
  /** The stamped transcript (`python.out` or `python-3.X.out`). */
  out: string;
  /** Its task events (`python.trace` or `python-3.X.trace`); null if none was recorded. */
  trace: RecordedTrace | null;
}

/** The run as the timeline takes it: events in order, and when the run ended. */
export interface RecordedRun {
  events: TraceEvent[];
  tEnd: number;
}

/**
 * Parses a `python.trace` text; null when it is not one this page can read.
 * @example
 * parseRecordedTrace('{"v":1,"e":[["c",0,1,"Task-1",null]]}')?.e.length; // 1
 */
export function parseRecordedTrace(text: string): RecordedTrace | null {
  try {
    const data = JSON.parse(text) as Partial<RecordedTrace>;
    return data.v === 1 && Array.isArray(data.e) ? (data as RecordedTrace) : null;
  } catch {
    return null;
  }
}

/**
 * The recorded run's trace events: the recorder's task events, with each transcript line put
 * where it was printed (a print on its task's lane; `EXC` lines as one exception; `LOOP-ERROR`).
 * Python: what `asyncio.run(main())` did, as the runtime's trace would have said it.
 * @example
 * recordedRun(trace, parseTranscript(pythonOut)).events[0]; // { type: "created", t: 0, task: 1, … }
 */
export function recordedRun(trace: RecordedTrace, lines: readonly ParsedLine[]): RecordedRun {
  const events: TraceEvent[] = [];
  const ids = new Map<string, number>(); // a task's current name -> its id
  const stamped = lines.filter((l) => l.kind !== "unstamped");
  let next = 0;
  let tEnd = 0;
  const add = (e: TraceEvent) => {
    events.push(e);
    tEnd = Math.max(tEnd, e.t);
  };
  const takeLines = (n: number) => {
    const end = Math.min(stamped.length, next + n);
    for (; next < end; next++) {
      const line = stamped[next]!;
      if (line.kind === "print") {
        const task = line.task === null ? null : (ids.get(line.task) ?? null);
        add({
          type: "print",
          t: line.t,
          task,
          name: task === null ? null : line.task,
          text: line.text,
        });
      } else if (line.kind === "exception") {
        const last = events.at(-1);
        const text = "  ".repeat(line.depth) + line.text;
        // One exception's lines come together: its sub-exceptions join it.
        if (line.depth > 0 && last?.type === "exception") last.lines.push(text);
        else add({ type: "exception", t: line.t, lines: [text] });
      } else if (line.kind === "loop-error") {
        add({ type: "loop-error", t: line.t, text: line.text });
      }
    }
  };
  for (const e of trace.e) {
    switch (e[0]) {
      case "p":
        takeLines(e[1]);
        break;
      case "c":
        ids.set(e[3], e[2]);
        add({ type: "created", t: e[1], task: e[2], name: e[3], parent: e[4] });
        break;
      case "n":
        ids.set(e[3], e[2]);
        add({ type: "renamed", t: e[1], task: e[2], name: e[3] });
        break;
      case "s":
        add({ type: "started", t: e[1], task: e[2] });
        break;
      case "r":
        add({ type: "resumed", t: e[1], task: e[2] });
        break;
      case "w":
        add({ type: "suspended", t: e[1], task: e[2], on: e[3] });
        break;
      case "d":
        add({ type: "done", t: e[1], task: e[2], result: e[3] });
        break;
      case "f":
        add({ type: "failed", t: e[1], task: e[2], error: e[3] });
        break;
      case "x":
        add({ type: "cancelled", t: e[1], task: e[2], message: e[3] });
        break;
    }
  }
  takeLines(stamped.length); // lines the trace did not place (written after it was closed)
  return { events, tEnd };
}
