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
  private lastSent = performance.now();
  private scheduled = false;

  private readonly send: (events: TraceEvent[]) => void;
  private readonly later: Timer;

  constructor(send: (events: TraceEvent[]) => void, later: Timer) {
    this.send = send;
    this.later = later;
  }

  push(event: TraceEvent): void {
    this.events.push(event);
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
    this.events = [];
    this.send(batch);
  }
}
