/**
 * Collects trace events and sends them in batches: about one message per frame (16 ms), and at
 * once when a batch grows large, so output streams even while the loop runs a long stretch of
 * steps without a macrotask (an Instant run), and the frame's watchdog sees a sign of life.
 */
import type { TraceEvent } from "../runtime/asyncio/trace.ts";

const BATCH_MS = 16;
const BATCH_MAX = 500;

type Timer = (fn: () => void, ms: number) => unknown;

export class TraceBatcher {
  private events: TraceEvent[] = [];
  private dropped = 0;
  private lastSent = performance.now();
  private scheduled = false;

  private readonly send: (events: TraceEvent[], dropped: number) => void;
  private readonly later: Timer;

  constructor(send: (events: TraceEvent[], dropped: number) => void, later: Timer) {
    this.send = send;
    this.later = later;
  }

  /** `dropped`: characters cut away from the event's printed text (sent along for the budget). */
  push(event: TraceEvent, dropped = 0): void {
    this.events.push(event);
    this.dropped += dropped;
    if (this.events.length >= BATCH_MAX || performance.now() - this.lastSent >= BATCH_MS) {
      this.flush();
    } else if (!this.scheduled) {
      this.scheduled = true;
      this.later(() => {
        this.scheduled = false;
        this.flush();
      }, BATCH_MS);
    }
  }

  flush(): void {
    this.lastSent = performance.now();
    if (this.events.length === 0) return;
    const batch = this.events;
    const dropped = this.dropped;
    this.events = [];
    this.dropped = 0;
    this.send(batch, dropped);
  }
}
