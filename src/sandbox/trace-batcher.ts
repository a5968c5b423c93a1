/**
 * Collects trace events and sends them in batches. After a quiet spell (a frame, 16 ms, since
 * the last batch) a printed line goes at once, with the events before it, so the first line of
 * a Run shows without waiting, even when the program then never yields (`print("start");
 * while (true) {}`); other events wait for the end of the stretch of work that made them (a
 * zero-delay timer). A busy program's batches go about once per frame, and at once when a batch
 * grows large, so output streams even while the loop runs a long stretch of steps without a
 * macrotask (an Instant run), and the frame's watchdog sees a sign of life.
 */
import type { TraceEvent } from "../runtime/asyncio/trace.ts";

const BATCH_MS = 16;
const BATCH_MAX = 500;

type Timer = (fn: () => void, ms: number) => unknown;

export class TraceBatcher {
  private events: TraceEvent[] = [];
  private dropped = 0;
  private lastSent = Number.NEGATIVE_INFINITY;
  private scheduled = false;

  private readonly send: (events: TraceEvent[], dropped: number) => void;
  private readonly later: Timer;
  private readonly now: () => number;

  constructor(
    send: (events: TraceEvent[], dropped: number) => void,
    later: Timer,
    now: () => number = () => performance.now(),
  ) {
    this.send = send;
    this.later = later;
    this.now = now;
  }

  /** `dropped`: characters cut away from the event's printed text (sent along for the budget). */
  push(event: TraceEvent, dropped = 0): void {
    this.events.push(event);
    this.dropped += dropped;
    const quiet = this.now() - this.lastSent >= BATCH_MS;
    const printed = event.type === "print" || event.type === "exception";
    if (this.events.length >= BATCH_MAX || (quiet && printed)) {
      this.flush();
      return;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    this.later(
      () => {
        this.scheduled = false;
        this.flush();
      },
      Math.max(0, this.lastSent + BATCH_MS - this.now()),
    );
  }

  flush(): void {
    if (this.events.length === 0) return;
    this.lastSent = this.now();
    const batch = this.events;
    const dropped = this.dropped;
    this.events = [];
    this.dropped = 0;
    this.send(batch, dropped);
  }
}
