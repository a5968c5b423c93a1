/**
 * The writing side of a stream protocol: a port of CPython 3.11's `streams.FlowControlMixin`.
 * The transport pauses and resumes it; `drain()` waits here while it is paused. Used by the
 * protocols of connections and of a child's stdin.
 */
import type { Future } from "./future.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
import { ConnectionResetError } from "./stream-errors.ts";

export class FlowControl {
  readonly #loop: AbstractEventLoop;
  #paused = false;
  #drainWaiters: Future<unknown>[] = [];
  #connectionLost = false;

  constructor(loop: AbstractEventLoop) {
    this.#loop = loop;
  }

  /** Python: `protocol.pause_writing()`. */
  pauseWriting(): void {
    this.#paused = true;
  }

  /** Python: `protocol.resume_writing()`. */
  resumeWriting(): void {
    this.#paused = false;
    for (const w of this.#drainWaiters) if (!w.done()) w.setResult(undefined);
  }

  /** Python: `FlowControlMixin.connection_lost(exc)`: wakes the drains waiting, with `exc`. */
  connectionLost(exc: Error | null): void {
    this.#connectionLost = true;
    if (!this.#paused) return;
    for (const w of this.#drainWaiters) {
      if (w.done()) continue;
      if (exc === null) w.setResult(undefined);
      else w.setException(exc);
    }
  }

  /** Python: `await protocol._drain_helper()`. */
  async drainHelper(): Promise<void> {
    if (this.#connectionLost) throw new ConnectionResetError("Connection lost");
    if (!this.#paused) return;
    const waiter = this.#loop.createFuture();
    this.#drainWaiters.push(waiter);
    try {
      await waiter;
    } finally {
      this.#drainWaiters.splice(this.#drainWaiters.indexOf(waiter), 1);
    }
  }
}
