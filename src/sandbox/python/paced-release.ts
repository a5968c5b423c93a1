/**
 * Releases a Python run's trace at the speed the reader chose. The Python program runs on the
 * recorder's virtual clock, all at once; at 1× and 10× its events are then handed on when the
 * wall clock reaches their loop time (`t / rate` seconds after the start), so the output and
 * the timeline grow as a TypeScript run's do. At Instant they go at once.
 */
import type { TraceEvent } from "../../runtime/asyncio/trace.ts";

export interface PacedClock {
  /** Milliseconds, monotonic. */
  now(): number;
  later(fn: () => void, ms: number): void;
}

/**
 * Hands `events` to `send` in order, each batch when its time has come, then calls `done`.
 * @example
 * paceEvents(events, 10, (batch) => post(batch), () => post(end), clock); // 10×
 */
export function paceEvents(
  events: readonly TraceEvent[],
  rate: number,
  send: (batch: TraceEvent[]) => void,
  done: () => void,
  clock: PacedClock,
): void {
  const start = clock.now();
  let next = 0;
  const step = () => {
    const elapsed = clock.now() - start;
    const batch: TraceEvent[] = [];
    while (next < events.length) {
      const event = events[next] as TraceEvent;
      if (rate > 0 && (event.t * 1000) / rate > elapsed) break;
      batch.push(event);
      next += 1;
    }
    if (batch.length > 0) send(batch);
    if (next >= events.length) {
      done();
      return;
    }
    const due = ((events[next] as TraceEvent).t * 1000) / rate;
    clock.later(step, Math.max(0, due - (clock.now() - start)));
  };
  step();
}
