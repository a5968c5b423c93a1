/**
 * What the runner frame has yet to relay to the page for one run, and when it may: the page
 * acknowledges each message once it has drawn it (at its next animation frame), and the frame
 * keeps at most `IN_FLIGHT` messages unacknowledged, so a program cannot make the sandbox post
 * faster than the page consumes. Meanwhile trace events pile up here, merged into batches of up
 * to `PROTOCOL_BOUNDS.batch` (the run's budget bounds how many ever come).
 *
 * Timing: a quiet run's first events go at once (the first line of a Run shows without
 * waiting), a busy one's at most about once per frame (`RELAY_MS`). No DOM, so it is tested in
 * node with a fake clock.
 */
import type { TraceEvent } from "../runtime/asyncio/trace.ts";
import type { RunError } from "./protocol.ts";
import { PROTOCOL_BOUNDS } from "./protocol-bounds.ts";

/** Messages the page may not yet have drawn: one being drawn, one ready for the next frame. */
export const IN_FLIGHT = 2;
/** Events relayed this soon after the last relay wait for the next one: about a frame. */
export const RELAY_MS = 16;

/** A message for the page, without the channel and run id the frame adds. */
export type Outgoing =
  | { kind: "events"; events: TraceEvent[] }
  | { kind: "error"; t: number; error: RunError; origin: "uncaught" | "unhandled-rejection" };

export interface OutboxClock {
  now(): number;
  /** Calls `fn` once after `ms`; returns a function that cancels it. */
  later(fn: () => void, ms: number): () => void;
}

export class RelayOutbox {
  readonly #send: (message: Outgoing) => void;
  readonly #clock: OutboxClock;
  #queue: Outgoing[] = [];
  #unacked = 0;
  #lastRelay = Number.NEGATIVE_INFINITY;
  #cancelTimer: (() => void) | null = null;

  constructor(send: (message: Outgoing) => void, clock: OutboxClock) {
    this.#send = send;
    this.#clock = clock;
  }

  /** Messages waiting for the page's acknowledgements or the next relay. */
  get waiting(): number {
    return this.#queue.length;
  }

  /** Messages sent that the page has not acknowledged yet. */
  get unacknowledged(): number {
    return this.#unacked;
  }

  /** Queues trace events (in order) and relays now or soon. */
  events(events: readonly TraceEvent[]): void {
    for (const event of events) {
      const last = this.#queue[this.#queue.length - 1];
      if (last?.kind === "events" && last.events.length < PROTOCOL_BOUNDS.batch)
        last.events.push(event);
      else this.#queue.push({ kind: "events", events: [event] });
    }
    this.#soon();
  }

  /** Queues an error after the events before it; errors go without waiting for a frame. */
  error(message: Extract<Outgoing, { kind: "error" }>): void {
    this.#queue.push(message);
    this.#relay();
  }

  /** The page drew `count` more messages: that many more may go. */
  ack(count: number): void {
    this.#unacked = Math.max(0, this.#unacked - count);
    this.#relay();
  }

  /** The run is over: everything queued goes now, acknowledged or not (the budget bounds it). */
  drain(): void {
    this.#cancel();
    for (const message of this.#queue) this.#send(message);
    this.#queue = [];
  }

  /** Relays at once after a quiet spell, else once a frame's time has passed since the last. */
  #soon(): void {
    const wait = this.#lastRelay + RELAY_MS - this.#clock.now();
    const full = this.#queue.length > 1;
    if (wait <= 0 || full) this.#relay();
    else this.#cancelTimer ??= this.#clock.later(() => this.#relay(), wait);
  }

  #relay(): void {
    this.#cancel();
    while (this.#queue.length > 0 && this.#unacked < IN_FLIGHT) {
      this.#send(this.#queue.shift()!);
      this.#unacked += 1;
      this.#lastRelay = this.#clock.now();
    }
  }

  #cancel(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = null;
  }
}
