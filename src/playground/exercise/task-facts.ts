/**
 * Facts about the tasks of one run, read from its trace events: who each task was, how it
 * ended, what it waited on, and how many tasks were in some state at once. Pure; the exercise
 * checks use these through `check-helpers.ts`.
 */
import type { TraceEvent } from "../../runtime/asyncio/trace.ts";

/** How a task ended; `unfinished` if the run ended (or was stopped) first. */
export type TaskOutcome = "done" | "failed" | "cancelled" | "unfinished";

/** One wait of a task: suspended on `on` from `start` until `end` (null: still waiting). */
export interface TaskWait {
  on: string;
  start: number;
  end: number | null;
}

export interface TaskFacts {
  /** The N of `Task-N`. */
  id: number;
  /** The task's last name (`setName` can change it). */
  name: string;
  /** Every name it had, first to last. */
  names: string[];
  /** The task that created it, as an id; null for `run`'s main task. */
  parent: number | null;
  created: number;
  outcome: TaskOutcome;
  /** When it ended; null while unfinished. */
  ended: number | null;
  /** The return value's repr (`done`), `Type: message` (`failed`), the cancel message (`cancelled`). */
  detail: string;
  waits: TaskWait[];
}

/** Every task of the run, in creation order. */
export function taskFacts(events: readonly TraceEvent[]): TaskFacts[] {
  const byId = new Map<number, TaskFacts>();
  const end = (task: number, outcome: TaskOutcome, t: number, detail: string) => {
    const f = byId.get(task);
    if (!f) return;
    f.outcome = outcome;
    f.ended = t;
    f.detail = detail;
    closeWait(f, t);
  };
  for (const e of events) {
    switch (e.type) {
      case "created":
        byId.set(e.task, {
          id: e.task,
          name: e.name,
          names: [e.name],
          parent: e.parent,
          created: e.t,
          outcome: "unfinished",
          ended: null,
          detail: "",
          waits: [],
        });
        break;
      case "renamed": {
        const f = byId.get(e.task);
        if (f) {
          f.name = e.name;
          f.names.push(e.name);
        }
        break;
      }
      case "suspended": {
        const f = byId.get(e.task);
        if (f) {
          closeWait(f, e.t);
          f.waits.push({ on: e.on, start: e.t, end: null });
        }
        break;
      }
      case "resumed": {
        const f = byId.get(e.task);
        if (f) closeWait(f, e.t);
        break;
      }
      case "done":
        end(e.task, "done", e.t, e.result);
        break;
      case "failed":
        end(e.task, "failed", e.t, e.error);
        break;
      case "cancelled":
        end(e.task, "cancelled", e.t, e.message);
        break;
      default:
        break;
    }
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

function closeWait(f: TaskFacts, t: number): void {
  const last = f.waits[f.waits.length - 1];
  if (last && last.end === null) last.end = t;
}

/**
 * What a task waits on, as the trace names it: `sleep(1)`, `Lock`, `Queue.get`, `Task-3`,
 * `Future`, … A string matches when `on` starts with it (`"sleep"` matches `sleep(0.5)`);
 * a RegExp is tested; a function decides.
 */
export type WaitMatch = string | RegExp | ((on: string) => boolean);

export function waitMatches(match: WaitMatch, on: string): boolean {
  if (typeof match === "string") return on.startsWith(match);
  if (match instanceof RegExp) return match.test(on);
  return match(on);
}

/** The most tasks that were in some state at one moment, and when that first happened. */
export interface Peak {
  max: number;
  /** Loop time when the count first reached `max`; null when it never rose above 0. */
  at: number | null;
}

/**
 * The most tasks suspended at once on something `on` matches (e.g. `"sleep"`: "never more than
 * three tasks sleeping at once"). Events are replayed in order, so a task that resumes and one
 * that suspends at the same loop time are not counted together.
 */
export function peakWaiting(events: readonly TraceEvent[], on: WaitMatch): Peak {
  const waiting = new Map<number, boolean>();
  let count = 0;
  const peak: Peak = { max: 0, at: null };
  const leave = (task: number) => {
    if (waiting.get(task)) count -= 1;
    waiting.delete(task);
  };
  for (const e of events) {
    if (e.type === "suspended") {
      leave(e.task);
      const hit = waitMatches(on, e.on);
      waiting.set(e.task, hit);
      if (hit) count += 1;
      if (count > peak.max) {
        peak.max = count;
        peak.at = e.t;
      }
    } else if (
      e.type === "resumed" ||
      e.type === "done" ||
      e.type === "failed" ||
      e.type === "cancelled"
    ) {
      leave(e.task);
    }
  }
  return peak;
}

/**
 * The most tasks alive at once (created and not yet ended), counting only those `include`
 * accepts; by default every task but `run`'s main task (the one with no parent).
 */
export function peakAlive(
  events: readonly TraceEvent[],
  include: (task: { id: number; name: string; parent: number | null }) => boolean = (t) =>
    t.parent !== null,
): Peak {
  const alive = new Set<number>();
  const peak: Peak = { max: 0, at: null };
  for (const e of events) {
    if (e.type === "created") {
      if (!include({ id: e.task, name: e.name, parent: e.parent })) continue;
      alive.add(e.task);
      if (alive.size > peak.max) {
        peak.max = alive.size;
        peak.at = e.t;
      }
    } else if (e.type === "done" || e.type === "failed" || e.type === "cancelled") {
      alive.delete(e.task);
    }
  }
  return peak;
}
