/**
 * The page's gate on what the sandbox sends: every message is checked against the protocol,
 * belongs to the current run of its channel or is dropped, and counts against that run's
 * budget. Past the budget (or after too many broken messages) the run is over for the page:
 * the gate says which run to stop and gives the widget an `end` in the sandbox's place, and
 * drops whatever that run still sends. Pure (no DOM), so the rules are tested in node.
 */

import type { TraceEvent } from "../../runtime/asyncio/trace.ts";
import type { RunnerMessage, RunStatus } from "../../sandbox/protocol.ts";
import { PROTOCOL_BOUNDS } from "../../sandbox/protocol-bounds.ts";
import { checkRunnerMessage } from "../../sandbox/protocol-check.ts";
import { type Overrun, RunBudget } from "../../sandbox/run-budget.ts";
import { cutText } from "../../sandbox/text-cut.ts";

/** A line this long or shorter is shown whole; the worker already cut longer ones to about `cutAt`. */
const DISPLAY_MAX = PROTOCOL_BOUNDS.cutAt + 64;

interface ChannelRun {
  id: number;
  budget: RunBudget;
  lastT: number;
}

export interface GateResult {
  /** Messages for the channel's listener, in order. */
  deliver: RunnerMessage[];
  /** A run the sandbox must stop (the page ended it). */
  stop: { channel: string; run: number } | null;
}

const NOTHING: GateResult = { deliver: [], stop: null };

function cutForDisplay(e: TraceEvent): TraceEvent {
  switch (e.type) {
    case "print":
      return e.text.length > DISPLAY_MAX ? { ...e, text: cutText(e.text) } : e;
    case "loop-error":
      return e.text.length > DISPLAY_MAX ? { ...e, text: cutText(e.text) } : e;
    case "exception":
      return e.lines.some((l) => l.length > DISPLAY_MAX)
        ? { ...e, lines: e.lines.map((l) => (l.length > DISPLAY_MAX ? cutText(l) : l)) }
        : e;
    default:
      return e;
  }
}

export class RunGate {
  readonly #runs = new Map<string, ChannelRun>();
  #nextId = 0;
  /** Messages dropped because they broke the protocol (for tests and the curious). */
  refused = 0;

  /** A new run on `channel`: its id; from now on only its messages reach the listener. */
  begin(channel: string): number {
    const id = ++this.#nextId;
    this.#runs.set(channel, { id, budget: new RunBudget(), lastT: 0 });
    return id;
  }

  /** The id of the channel's current run, or null when none is running. */
  current(channel: string): number | null {
    return this.#runs.get(channel)?.id ?? null;
  }

  /** Is any channel running? */
  get running(): boolean {
    return this.#runs.size > 0;
  }

  /**
   * The sandbox is gone (its process ended): every current run is over, with `status` and
   * `detail`. The `end` of each, for its listener.
   */
  abandonAll(status: RunStatus, detail: string): RunnerMessage[] {
    const ends: RunnerMessage[] = [];
    for (const [channel, run] of this.#runs)
      ends.push({ channel, kind: "end", run: run.id, status, t: run.lastT, error: null, detail });
    this.#runs.clear();
    return ends;
  }

  /** What to do with one message from the sandbox (`now`: a wall clock in ms). */
  accept(data: unknown, now: number): GateResult {
    if (!checkRunnerMessage(data)) {
      this.refused += 1;
      return this.#refuse(data, now);
    }
    if (data.kind === "ready" || data.kind === "pong") return { deliver: [data], stop: null };
    const run = this.#runs.get(data.channel);
    if (!run || run.id !== data.run) return NOTHING;
    if (data.kind === "end") {
      this.#runs.delete(data.channel);
      return { deliver: [data], stop: null };
    }
    let over = run.budget.message(now);
    let message: RunnerMessage = data;
    if (data.kind === "events") {
      run.lastT = data.events[data.events.length - 1]?.t ?? run.lastT;
      over ??= run.budget.trace(data.events);
      message = { ...data, events: data.events.map(cutForDisplay) };
    } else if (data.kind === "error") {
      run.lastT = data.t;
      over ??= run.budget.error(data.error);
      message = {
        ...data,
        error: { ...data.error, message: cutText(data.error.message, DISPLAY_MAX) },
      };
    }
    if (!over) return { deliver: [message], stop: null };
    return this.#overrun(data.channel, run, over, [message]);
  }

  /** A broken message counts against the run of its channel, if it names one. */
  #refuse(data: unknown, _now: number): GateResult {
    if (typeof data !== "object" || data === null) return NOTHING;
    const channel = (data as { channel?: unknown }).channel;
    if (typeof channel !== "string") return NOTHING;
    const run = this.#runs.get(channel);
    const over = run?.budget.refuse();
    return run && over ? this.#overrun(channel, run, over, []) : NOTHING;
  }

  #overrun(channel: string, run: ChannelRun, over: Overrun, kept: RunnerMessage[]): GateResult {
    this.#runs.delete(channel);
    const end: RunnerMessage = {
      channel,
      kind: "end",
      run: run.id,
      status: over.status,
      t: run.lastT,
      error: null,
      detail: over.detail,
    };
    return { deliver: [...kept, end], stop: { channel, run: run.id } };
  }
}
