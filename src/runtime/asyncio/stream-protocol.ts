/**
 * `StreamReaderProtocol`: what joins a transport to a `StreamReader` and a `StreamWriter`. A port
 * of CPython 3.11's (`streams.py`), with `FlowControlMixin`'s pause, resume and drain.
 */

import { FlowControl } from "./flow-control.ts";
import type { Future } from "./future.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
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
  readonly #flow: FlowControl;
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
    this.#flow = new FlowControl(this._loop);
    this.#reader = reader;
    this.#clientConnectedCb = clientConnectedCb;
    this.#closed = this._loop.createFuture();
    // Python's __del__ retrieves the exception; nobody need await wait_closed().
    this.#closed.addDoneCallback((f) => {
      if (!f.cancelled()) f.exception();
    });
  }

  pauseWriting(): void {
    this.#flow.pauseWriting();
  }

  resumeWriting(): void {
    this.#flow.resumeWriting();
  }

  _drainHelper(): Promise<void> {
    return this.#flow.drainHelper();
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
    this.#flow.connectionLost(exc);
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
