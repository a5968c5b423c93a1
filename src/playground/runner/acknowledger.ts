/**
 * The page's half of the sandbox's flow control (the frame's half is `RelayOutbox`): every
 * message of a run that reached its listener is acknowledged at the page's next animation
 * frame, once what it brought is being drawn, so the frame sends no faster than the page
 * draws. A hidden page gets no frames: a timer acknowledges for it, so a run in a background
 * tab still streams (slowly) rather than stalling until its end.
 *
 * A flood is paced: an acknowledgement comes at least `FLOOD_PACE_MS` after the one before, so
 * the page draws a flood at most about 20 times a second, each time its latest lines (the output
 * keeps only those), instead of at every frame. Drawn at every frame, a flood's frames (20–40 ms
 * of main-thread work each) kept the page's main thread busy most of the time, and on 2 cores a
 * `page.evaluate` waited behind them for a core (issue 18). A message after a quiet spell is
 * still acknowledged at the next frame, so a Run's first line is not delayed.
 */
import type { HostMessage } from "../../sandbox/protocol.ts";

type Ack = Extract<HostMessage, { kind: "ack" }>;

/** Calls `fn` once, at the next animation frame or after `HIDDEN_MS`, whichever comes first. */
export type NextFrame = (fn: () => void) => void;

/** The time, and a timer (tests give their own). */
export interface AckClock {
  now(): number;
  later(fn: () => void, ms: number): void;
}

/** How long an acknowledgement may wait for a frame that does not come (a hidden page). */
const HIDDEN_MS = 250;

/** The least time between two acknowledgements: a flood is drawn at most ~20 times a second. */
export const FLOOD_PACE_MS = 50;

export const browserNextFrame: NextFrame = (fn) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    fn();
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, HIDDEN_MS);
};

const browserClock: AckClock = {
  now: () => performance.now(),
  later: (fn, ms) => setTimeout(fn, ms),
};

export class Acknowledger {
  readonly #send: (ack: Ack) => void;
  readonly #nextFrame: NextFrame;
  readonly #clock: AckClock;
  #counts = new Map<string, { run: number; count: number }>();
  #scheduled = false;
  #lastFlush = Number.NEGATIVE_INFINITY;

  constructor(
    send: (ack: Ack) => void,
    nextFrame: NextFrame = browserNextFrame,
    clock: AckClock = browserClock,
  ) {
    this.#send = send;
    this.#nextFrame = nextFrame;
    this.#clock = clock;
  }

  /** One message of `run` on `channel` reached its listener. */
  delivered(channel: string, run: number): void {
    const seen = this.#counts.get(channel);
    if (seen && seen.run === run) seen.count += 1;
    else this.#counts.set(channel, { run, count: 1 });
    if (this.#scheduled) return;
    this.#scheduled = true;
    const wait = this.#lastFlush + FLOOD_PACE_MS - this.#clock.now();
    if (wait <= 0) this.#nextFrame(() => this.#flush());
    else this.#clock.later(() => this.#nextFrame(() => this.#flush()), wait);
  }

  #flush(): void {
    this.#scheduled = false;
    this.#lastFlush = this.#clock.now();
    const counts = this.#counts;
    this.#counts = new Map();
    for (const [channel, { run, count }] of counts)
      this.#send({ channel, kind: "ack", run, count });
  }
}
