/**
 * `StreamReaderProtocol`: what joins a transport to a `StreamReader` and a `StreamWriter`. A port
 * of CPython 3.11's (`streams.py`), with `FlowControlMixin`'s pause, resume and drain.
 */
import type { Future } from "./future.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
import { ConnectionResetError } from "./stream-errors.ts";
import type { StreamReader } from "./stream-reader.ts";
import { StreamWriter } from "./stream-writer.ts";
import type { Task } from "./task.ts";
import { getRunningLoop } from "./tasks.ts";
import type { Protocol, Transport } from "./transport-api.ts";
import { heldByItsCallbacks } from "./unretrieved.ts";

/** What `startServer` calls for each connection: Python's `client_connected_cb(reader, writer)`. */
export type ClientConnected = (reader: StreamReader, writer: StreamWriter) => unknown;

/**
 * The protocol between a transport and a `StreamReader` / `StreamWriter`, with
 * `FlowControlMixin`'s pause and resume. Python: `asyncio.StreamReaderProtocol`.
 */
export class StreamReaderProtocol implements Protocol {
  _loop: AbstractEventLoop;
  #paused = false;
  #drainWaiters: Future<unknown>[] = [];
  #connectionLost = false;
  #reader: StreamReader | null;
  #clientConnectedCb: ClientConnected | null;
  #closed: Future<unknown>;
  _transport: Transport | null = null;

  constructor(
    reader: StreamReader | null,
    clientConnectedCb: ClientConnected | null = null,
    loop?: AbstractEventLoop,
  ) {
    this._loop = loop ?? getRunningLoop();
    this.#reader = reader;
    this.#clientConnectedCb = clientConnectedCb;
    this.#closed = this._loop.createFuture();
    // Python's __del__ retrieves the exception; nobody need await wait_closed().
    this.#closed.addDoneCallback((f) => {
      if (!f.cancelled()) f.exception();
    });
  }

  pauseWriting(): void {
    this.#paused = true;
  }

  resumeWriting(): void {
    this.#paused = false;
    for (const w of this.#drainWaiters) if (!w.done()) w.setResult(undefined);
  }

  async _drainHelper(): Promise<void> {
    if (this.#connectionLost) throw new ConnectionResetError("Connection lost");
    if (!this.#paused) return;
    const waiter = this._loop.createFuture();
    this.#drainWaiters.push(waiter);
    try {
      await waiter;
    } finally {
      this.#drainWaiters.splice(this.#drainWaiters.indexOf(waiter), 1);
    }
  }

  _getCloseWaiter(): Future<unknown> {
    return this.#closed;
  }

  connectionMade(transport: Transport): void {
    this._transport = transport;
    const reader = this.#reader;
    reader?.setTransport(transport);
    const cb = this.#clientConnectedCb;
    if (cb === null) return;
    const writer = new StreamWriter(transport, this, reader, this._loop);
    const r = reader as StreamReader;
    let task: Task<unknown> | null = null;
    // A Python callback that is a coroutine function becomes a task; a plain one just runs.
    if (cb.constructor.name === "AsyncFunction") {
      task = this._loop.createTask(() => cb(r, writer) as PromiseLike<unknown>);
    } else {
      const res = cb(r, writer);
      if (
        res !== undefined &&
        res !== null &&
        typeof (res as PromiseLike<void>).then === "function"
      )
        task = this._loop.createTask(res as PromiseLike<unknown>);
    }
    // As in CPython 3.11, `exception()` of a task cancelled at shutdown raises CancelledError
    // here, which the loop reports as an error in this callback.
    if (task !== null) heldByItsCallbacks(task);
    task?.addDoneCallback((t) => {
      const exc = t.exception();
      if (exc !== null && exc !== undefined) {
        this._loop.callExceptionHandler({
          message: "Unhandled exception in client_connected_cb",
          exception: exc,
          transport,
        });
        transport.close();
      }
    });
  }

  connectionLost(exc: Error | null): void {
    const reader = this.#reader;
    if (reader !== null) {
      if (exc === null) reader.feedEof();
      else reader.setException(exc);
    }
    if (!this.#closed.done()) {
      if (exc === null) this.#closed.setResult(undefined);
      else this.#closed.setException(exc);
    }
    this.#connectionLost = true;
    if (this.#paused) {
      for (const w of this.#drainWaiters) {
        if (w.done()) continue;
        if (exc === null) w.setResult(undefined);
        else w.setException(exc);
      }
    }
    this.#reader = null;
    this._transport = null;
  }

  dataReceived(data: Uint8Array): void {
    this.#reader?.feedData(data);
  }

  eofReceived(): boolean {
    this.#reader?.feedEof();
    return true;
  }
}
