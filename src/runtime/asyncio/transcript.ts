/**
 * Transcripts: a run's trace turned into the text format of docs/TEAM.md, the same format as
 * CPython's recorded `python.out`: `[t=1.000 Task-2] text`, `[t=2.000] EXC Type: message`,
 * `[t=2.000] LOOP-ERROR Type: message`.
 */
import { formatTime } from "./format.ts";
import type { TraceEvent } from "./trace.ts";

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
