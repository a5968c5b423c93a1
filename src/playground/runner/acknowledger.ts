/**
 * The page's half of the sandbox's flow control (the frame's half is `RelayOutbox`): every
 * message of a run that reached its listener is acknowledged at the page's next animation
 * frame, once what it brought is being drawn, so the frame sends no faster than the page
 * draws. A hidden page gets no frames: a timer acknowledges for it, so a run in a background
 * tab still streams (slowly) rather than stalling until its end.
 */
import type { HostMessage } from "../../sandbox/protocol.ts";

type Ack = Extract<HostMessage, { kind: "ack" }>;

/** Calls `fn` once, at the next animation frame or after `HIDDEN_MS`, whichever comes first. */
export type NextFrame = (fn: () => void) => void;

/** How long an acknowledgement may wait for a frame that does not come (a hidden page). */
const HIDDEN_MS = 250;

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

export class Acknowledger {
  readonly #send: (ack: Ack) => void;
  readonly #nextFrame: NextFrame;
  #counts = new Map<string, { run: number; count: number }>();
  #scheduled = false;

  constructor(send: (ack: Ack) => void, nextFrame: NextFrame = browserNextFrame) {
    this.#send = send;
    this.#nextFrame = nextFrame;
  }

  /** One message of `run` on `channel` reached its listener. */
  delivered(channel: string, run: number): void {
    const seen = this.#counts.get(channel);
    if (seen && seen.run === run) seen.count += 1;
    else this.#counts.set(channel, { run, count: 1 });
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#nextFrame(() => this.#flush());
  }

  #flush(): void {
    this.#scheduled = false;
    const counts = this.#counts;
    this.#counts = new Map();
    for (const [channel, { run, count }] of counts)
      this.#send({ channel, kind: "ack", run, count });
  }
}
