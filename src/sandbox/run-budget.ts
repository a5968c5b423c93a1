/**
 * One budget over everything a run sends, whatever the channel: printed lines and characters
 * (prints, escaped exceptions, loop errors and uncaught errors alike), timeline events,
 * messages per second, and messages that broke the protocol. The runner frame keeps one per
 * run on what its worker sends, and the page keeps its own on what the frame sends, so a
 * frame that miscounted still cannot make the page draw more than this.
 */
import type { TraceEvent } from "../runtime/asyncio/trace.ts";
import type { RunError, RunStatus } from "./protocol.ts";

const NUMBER = new Intl.NumberFormat("en-US");

export const BUDGET = {
  /** Output lines: prints, exception lines, loop errors, uncaught errors. */
  lines: 5000,
  /** Output characters, counted at their full length even when cut for display. */
  chars: 1_000_000,
  /**
   * Trace events (a `sleep(0)` loop makes millions; the largest example makes ~600). The page's
   * work grows with them (checking, the output, the timeline's model): at 200,000 a loaded
   * machine took tens of seconds to answer again; 50,000 still draws 10,000 tasks' lives.
   */
  events: 50_000,
  /** Messages in any one second. */
  messagesPerSecond: 2000,
  /** Messages that broke the protocol (forged or damaged) before the run is stopped. */
  invalid: 20,
} as const;

/** Why a run went over its budget: the status and the words the reader sees. */
export interface Overrun {
  status: RunStatus;
  detail: string;
}

export class RunBudget {
  lines = 0;
  chars = 0;
  events = 0;
  invalid = 0;
  #windowStart = Number.NEGATIVE_INFINITY;
  #windowCount = 0;

  /** Counts one message's worth (`now`: a wall clock in ms); the overrun, if this was too much. */
  message(now: number): Overrun | null {
    if (now - this.#windowStart >= 1000) {
      this.#windowStart = now;
      this.#windowCount = 0;
    }
    this.#windowCount += 1;
    if (this.#windowCount > BUDGET.messagesPerSecond)
      return {
        status: "budget",
        detail: `stopped: the program sent more than ${NUMBER.format(BUDGET.messagesPerSecond)} messages in a second`,
      };
    return null;
  }

  /** Counts a batch of trace events; `dropped`: characters cut away before they were sent. */
  trace(events: readonly TraceEvent[], dropped = 0): Overrun | null {
    this.events += events.length;
    this.chars += dropped;
    for (const e of events) {
      if (e.type === "print") this.#line(e.text);
      else if (e.type === "loop-error") this.#line(e.text);
      else if (e.type === "exception") for (const l of e.lines) this.#line(l);
    }
    return this.#over();
  }

  /** Counts an uncaught error or unhandled rejection: one output line. */
  error(error: RunError): Overrun | null {
    this.#line(`${error.type}: ${error.message}`);
    return this.#over();
  }

  /** Counts a message that broke the protocol. */
  refuse(): Overrun | null {
    this.invalid += 1;
    if (this.invalid <= BUDGET.invalid) return null;
    return {
      status: "refused",
      detail: "stopped: the program sent messages that pretend to come from the sandbox",
    };
  }

  #line(text: string): void {
    this.lines += 1;
    this.chars += text.length + 1;
  }

  #over(): Overrun | null {
    if (this.lines > BUDGET.lines)
      return {
        status: "output-limit",
        detail: `stopped: the program printed more than ${NUMBER.format(BUDGET.lines)} lines`,
      };
    if (this.chars > BUDGET.chars)
      return {
        status: "output-limit",
        detail: `stopped: the program printed more than ${NUMBER.format(BUDGET.chars)} characters`,
      };
    if (this.events > BUDGET.events)
      return {
        status: "budget",
        detail: `stopped: the program produced more than ${NUMBER.format(BUDGET.events)} timeline events`,
      };
    return null;
  }
}
