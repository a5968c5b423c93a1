/**
 * The timeline's model: trace events in, lanes of segments and marks out. Pure (no DOM),
 * incremental (`apply` takes each batch as it arrives and only touches the lanes it names),
 * and the one place that knows how trace events become a picture.
 */
import type { TraceEvent } from "../../runtime/asyncio/trace.ts";
import type { ParsedLine } from "../../runtime/asyncio/transcript.ts";
import { ConcurrencySeries, isBlockedOn, type TaskState } from "./concurrency.ts";

/** A stretch of time on a lane; `end` null means still going (draw it up to "now"). */
export interface Span {
  start: number;
  end: number | null;
}

/** A stretch when the task was suspended, and on what (`sleep(1)`, `Lock`, `Task-3`, …). */
export interface Wait extends Span {
  on: string;
  /** Suspended on a synchronisation primitive (see `isBlockedOn`). */
  blocked: boolean;
}

/** One printed line, at its time on its task's lane. `index` is the n-th print of the run, from 0. */
export interface PrintMark {
  t: number;
  index: number;
  text: string;
}

/** An exception that escaped `run`, or an error that reached the loop's handler (loop lane). */
export interface ErrorMark {
  t: number;
  kind: "exception" | "loop-error";
  text: string;
}

/** How a task ended. `detail` is the result's repr, the error, or the cancel message. */
export interface LaneEnd {
  kind: "done" | "failed" | "cancelled";
  t: number;
  detail: string;
}

export interface Lane {
  /** Stable key: `Task-N` for a task, `loop` for lines printed outside any task; a transcript's task name. */
  key: string;
  /** The task's number N, or null for the loop lane (and for custom-named tasks in a transcript). */
  task: number | null;
  name: string;
  /** What the reader sees: `Task-2`, or `Task-2 worker(1)` once the task has a name of its own. */
  label: string;
  parent: number | null;
  /** When the task was created; null if the trace never said (a transcript, or a partial trace). */
  created: number | null;
  /** When the lane begins: `created`, else its first event. */
  start: number;
  /** Each step the task took: a mark, wide when the step took time (it blocked the loop). */
  steps: Span[];
  waits: Wait[];
  prints: PrintMark[];
  errors: ErrorMark[];
  end: LaneEnd | null;
  /** When the lane's last known activity was (transcript lanes end here). */
  last: number;
  /** Bumped on every change: a renderer redraws a lane only when this moved. */
  version: number;
  /** Position in `TimelineModel.lanes`. */
  index: number;
}

/** One row of the table view: the same events as the drawing. */
export interface Row {
  laneKey: string;
  label: string;
  event: string;
  t: number;
  detail: string;
  printIndex: number | null;
}

export const LOOP_KEY = "loop";

/** Wall-clock seconds of a step that a busy host alone can explain (the worker was not scheduled). */
const HOST_STALL_SECONDS = 0.05;

/**
 * The shortest step drawn wide at a speed: on a real clock a step that took less than 50 ms of
 * wall time may be the host's stall rather than the task's work (at 10× a 35 ms stall would
 * draw as 0.35 s of "running"), so it is drawn as an instant. 0 on the virtual clock, where a
 * step's width is only ever the program's (a blocking sleep).
 */
export function hostStallFloor(rate: number): number {
  return rate > 0 && Number.isFinite(rate) ? HOST_STALL_SECONDS * rate : 0;
}

/** Builds the label shown for a task: its default name, then its own name if it has one. */
export function laneLabel(task: number | null, name: string): string {
  // A task named at creation takes no Task-N number (CPython 3.11); the runtime gives it a
  // negative id, which is no name to show.
  if (task === null || task < 0) return name;
  const base = `Task-${task}`;
  return name === base || name === "" ? base : `${base} ${name}`;
}

export class TimelineModel {
  /** "trace" for a live run, "transcript" for a recorded one (no wait shading, no summary). */
  source: "trace" | "transcript" = "trace";
  /** Task lanes in creation order (the loop lane is kept apart: see `loopLane`). */
  readonly lanes: Lane[] = [];
  /** Lines printed outside any task, exceptions and loop errors; null until there is one. */
  loopLane: Lane | null = null;
  readonly rows: Row[] = [];
  readonly concurrency = new ConcurrencySeries();
  /** The latest time any event carried. */
  tMax = 0;
  /** The earliest time any event carried (Infinity until one has): where activity starts. */
  tFirst = Number.POSITIVE_INFINITY;
  /** Set by `finish`: the run is over and ended at `tEnd`. */
  tEnd: number | null = null;
  printCount = 0;
  /** Bumped when lanes are added (a renderer relayouts only then). */
  structureVersion = 0;
  /** Steps shorter than this (loop seconds) end where they began: see `hostStallFloor`. */
  minStep = 0;
  readonly #byKey = new Map<string, Lane>();
  readonly #state = new Map<Lane, TaskState>();
  readonly #prints: { lane: Lane; mark: PrintMark }[] = [];

  /** Applies a batch of trace events, in order (or its slice [from, to)). */
  apply(events: readonly TraceEvent[], from = 0, to = events.length): void {
    for (let i = from; i < to; i++) this.#applyOne(events[i]!);
  }

  /** The run is over: open stretches end at `tEnd` (or at the last event, if later). */
  finish(tEnd: number): void {
    this.tEnd = Math.max(tEnd, this.tMax);
    this.tMax = this.tEnd;
  }

  /** Lanes to draw, the loop lane last. */
  allLanes(): Lane[] {
    if (!this.loopLane) return this.lanes;
    this.loopLane.index = this.lanes.length;
    return [...this.lanes, this.loopLane];
  }

  /** Where the n-th print is (lane and mark), or null. */
  print(index: number): { lane: Lane; mark: PrintMark } | null {
    return this.#prints[index] ?? null;
  }

  lane(key: string): Lane | null {
    return this.#byKey.get(key) ?? null;
  }

  /**
   * Fills the model from a parsed recorded transcript: lanes by task name, prints, errors.
   * Lanes come in a live run's order (Task-1 first, by number), so they stay put when the
   * reader runs the twin; a `Task-N` that printed nothing still gets its lane when a later
   * task printed (CPython numbers tasks in creation order, so Task-1 … Task-N all existed).
   * Tasks created after the last one that printed are not in a transcript at all.
   */
  applyTranscript(lines: readonly ParsedLine[]): void {
    this.source = "transcript";
    for (const line of lines) {
      if (line.kind === "unstamped") continue;
      this.tMax = Math.max(this.tMax, line.t);
      this.tFirst = Math.min(this.tFirst, line.t);
      if (line.kind === "print") {
        const lane =
          line.task === null ? this.#loop(line.t) : this.#transcriptLane(line.task, line.t);
        this.#addPrint(lane, line.t, line.text, lane.label);
      } else {
        const lane = this.#loop(line.t);
        const text = line.kind === "exception" ? "  ".repeat(line.depth) + line.text : line.text;
        this.#addError(lane, line.kind, line.t, text);
      }
    }
    this.#orderTranscriptLanes();
  }

  /**
   * Live-run order for a transcript's lanes: numbered tasks by number. A gap in the numbers is a
   * task the transcript does not name as `Task-N`: one given a name of its own (CPython 3.11
   * still spends a number on it) or one that printed nothing. Named lanes fill the gaps in the
   * order they first printed; gaps left over become empty `Task-N` lanes; named lanes left
   * over go last.
   */
  #orderTranscriptLanes(): void {
    const numbered = new Map<number, Lane>();
    const named: Lane[] = [];
    for (const lane of this.lanes) {
      if (lane.task === null) named.push(lane);
      else numbered.set(lane.task, lane);
    }
    const highest = Math.max(0, ...numbered.keys());
    const ordered: Lane[] = [];
    for (let n = 1; n <= highest; n++) {
      const lane = numbered.get(n) ?? named.shift() ?? this.#silentLane(n);
      ordered.push(lane);
    }
    ordered.push(...named);
    this.lanes.splice(0, this.lanes.length, ...ordered);
    this.lanes.forEach((lane, i) => {
      lane.index = i;
    });
    this.structureVersion++;
  }

  #silentLane(n: number): Lane {
    const key = `Task-${n}`;
    const lane = newLane(key, n, key, Number.isFinite(this.tFirst) ? this.tFirst : 0, 0);
    this.#byKey.set(key, lane);
    return lane;
  }

  #applyOne(e: TraceEvent): void {
    this.tMax = Math.max(this.tMax, e.t);
    if (e.t < this.tFirst) this.tFirst = e.t;
    switch (e.type) {
      case "created": {
        const lane = this.#taskLane(e.task, e.name, e.t);
        lane.created = e.t;
        lane.start = Math.min(lane.start, e.t);
        lane.parent = e.parent;
        this.#setState(lane, "ready", e.t);
        this.#row(lane, "created", e.t, e.parent === null ? "" : `by Task-${e.parent}`);
        break;
      }
      case "started":
      case "resumed": {
        const lane = this.#taskLane(e.task, null, e.t);
        closeLast(lane.waits, e.t);
        this.#closeStep(lane, e.t);
        lane.steps.push({ start: e.t, end: null });
        this.#setState(lane, "running", e.t);
        this.#row(lane, e.type, e.t, "");
        break;
      }
      case "suspended": {
        const lane = this.#taskLane(e.task, null, e.t);
        this.#closeStep(lane, e.t);
        closeLast(lane.waits, e.t);
        const blocked = isBlockedOn(e.on);
        lane.waits.push({ start: e.t, end: null, on: e.on, blocked });
        this.#setState(lane, blocked ? "blocked" : "waiting", e.t);
        this.#row(lane, "waiting", e.t, e.on);
        break;
      }
      case "done":
      case "failed":
      case "cancelled": {
        const lane = this.#taskLane(e.task, null, e.t);
        this.#closeStep(lane, e.t);
        closeLast(lane.waits, e.t);
        const detail = e.type === "done" ? e.result : e.type === "failed" ? e.error : e.message;
        lane.end = { kind: e.type, t: e.t, detail };
        this.#setState(lane, "ended", e.t);
        this.#row(lane, e.type, e.t, detail);
        break;
      }
      case "renamed": {
        const lane = this.#taskLane(e.task, null, e.t);
        lane.name = e.name;
        lane.label = laneLabel(lane.task, e.name);
        this.#touch(lane, e.t);
        this.#row(lane, "renamed", e.t, e.name);
        break;
      }
      case "print": {
        const lane = e.task === null ? this.#loop(e.t) : this.#taskLane(e.task, e.name, e.t);
        this.#addPrint(lane, e.t, e.text, lane.label);
        break;
      }
      case "exception":
        this.#addError(this.#loop(e.t), "exception", e.t, e.lines.join("\n"));
        break;
      case "loop-error":
        this.#addError(this.#loop(e.t), "loop-error", e.t, e.text);
        break;
    }
  }

  #closeStep(lane: Lane, t: number): void {
    const step = lane.steps[lane.steps.length - 1];
    if (!step || step.end !== null) return;
    step.end = t - step.start < this.minStep ? step.start : t;
  }

  #addPrint(lane: Lane, t: number, text: string, label: string): void {
    const mark = { t, index: this.printCount++, text };
    lane.prints.push(mark);
    this.#prints.push({ lane, mark });
    this.#touch(lane, t);
    this.rows.push({
      laneKey: lane.key,
      label,
      event: "print",
      t,
      detail: text,
      printIndex: mark.index,
    });
  }

  #addError(lane: Lane, kind: ErrorMark["kind"], t: number, text: string): void {
    lane.errors.push({ t, kind, text });
    this.#touch(lane, t);
    this.#row(lane, kind === "exception" ? "exception" : "loop error", t, text);
  }

  #row(lane: Lane, event: string, t: number, detail: string): void {
    this.rows.push({ laneKey: lane.key, label: lane.label, event, t, detail, printIndex: null });
  }

  #touch(lane: Lane, t: number): void {
    lane.version++;
    lane.last = Math.max(lane.last, t);
  }

  #setState(lane: Lane, to: TaskState, t: number): void {
    const from = this.#state.get(lane) ?? null;
    this.#state.set(lane, to);
    this.concurrency.change(t, from, to);
    this.#touch(lane, t);
  }

  #taskLane(task: number, name: string | null, t: number): Lane {
    const key = `Task-${task}`;
    const found = this.#byKey.get(key);
    if (found) return found;
    const lane = newLane(key, task, name ?? key, t, this.lanes.length);
    this.lanes.push(lane);
    this.#byKey.set(key, lane);
    this.structureVersion++;
    return lane;
  }

  #transcriptLane(name: string, t: number): Lane {
    const found = this.#byKey.get(name);
    if (found) return found;
    const m = /^Task-(\d+)$/.exec(name);
    const lane = newLane(name, m ? Number(m[1]) : null, name, t, this.lanes.length);
    this.lanes.push(lane);
    this.#byKey.set(name, lane);
    this.structureVersion++;
    return lane;
  }

  #loop(t: number): Lane {
    if (!this.loopLane) {
      this.loopLane = newLane(LOOP_KEY, null, "loop", t, this.lanes.length);
      this.structureVersion++;
    }
    return this.loopLane;
  }
}

function newLane(key: string, task: number | null, name: string, t: number, index: number): Lane {
  return {
    key,
    task,
    name,
    label: laneLabel(task, name),
    parent: null,
    created: null,
    start: t,
    steps: [],
    waits: [],
    prints: [],
    errors: [],
    end: null,
    last: t,
    version: 0,
    index,
  };
}

function closeLast(spans: Span[], t: number): void {
  const last = spans[spans.length - 1];
  if (last && last.end === null) last.end = t;
}
