/**
 * Streams: `openConnection`, `startServer`, `StreamReader`, `StreamWriter`. A port of CPython
 * 3.11's `asyncio/streams.py` (with its `StreamReaderProtocol` and `FlowControlMixin`), over the
 * simulated network (`network.ts`).
 */
import { Bytes, type BytesLike, toBytes } from "./bytes.ts";
import { RuntimeError, ValueError } from "./errors.ts";
import type { Future } from "./future.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
import { createConnection, createServer } from "./network.ts";
import type { Server } from "./server.ts";
import { sleep } from "./sleep.ts";
import { ConnectionResetError, IncompleteReadError, LimitOverrunError } from "./stream-errors.ts";
import { getRunningLoop } from "./tasks.ts";
import type { Protocol, Transport } from "./transport-api.ts";

const DEFAULT_LIMIT = 2 ** 16;

function indexOf(buf: Uint8Array, sep: Uint8Array, from: number): number {
  outer: for (let i = from; i <= buf.length - sep.length; i++) {
    for (let j = 0; j < sep.length; j++) if (buf[i + j] !== sep[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Reads from a connection. Python: `asyncio.StreamReader`. Its buffer holds what arrived;
 * past twice its `limit` (64 KiB by default) it stops reading from the network until it is
 * drained to the limit, which is what makes a slow reader slow down its sender.
 * @example
 * const [reader, writer] = await asyncio.openConnection("127.0.0.1", 8888);
 * const line = await reader.readline(); // Python: line = await reader.readline()
 */
export class StreamReader {
  readonly _limit: number;
  _loop: AbstractEventLoop;
  #buffer: Uint8Array = new Uint8Array(0);
  #eof = false;
  #waiter: Future<unknown> | null = null;
  #exception: Error | null = null;
  #transport: Transport | null = null;
  #paused = false;

  constructor(options: { limit?: number; loop?: AbstractEventLoop } = {}) {
    const limit = options.limit ?? DEFAULT_LIMIT;
    if (limit <= 0) throw new ValueError("Limit cannot be <= 0");
    this._limit = limit;
    this._loop = options.loop ?? getRunningLoop();
  }

  /** Python: `reader.exception()`. */
  exception(): Error | null {
    return this.#exception;
  }

  /** Python: `reader.set_exception(exc)`. */
  setException(exc: Error): void {
    this.#exception = exc;
    const waiter = this.#waiter;
    if (waiter !== null) {
      this.#waiter = null;
      if (!waiter.cancelled()) waiter.setException(exc);
    }
  }

  #wakeupWaiter(): void {
    const waiter = this.#waiter;
    if (waiter !== null) {
      this.#waiter = null;
      if (!waiter.cancelled()) waiter.setResult(undefined);
    }
  }

  /** Python: `reader.set_transport(transport)`. */
  setTransport(transport: Transport): void {
    if (this.#transport !== null) throw new RuntimeError("Transport already set");
    this.#transport = transport;
  }

  #maybeResumeTransport(): void {
    if (this.#paused && this.#buffer.length <= this._limit) {
      this.#paused = false;
      this.#transport?.resumeReading();
    }
  }

  /** Python: `reader.feed_eof()`. */
  feedEof(): void {
    this.#eof = true;
    this.#wakeupWaiter();
  }

  /** True when the peer has ended the stream and the buffer is empty. Python: `reader.at_eof()`. */
  atEof(): boolean {
    return this.#eof && this.#buffer.length === 0;
  }

  /** Python: `reader.feed_data(data)`. */
  feedData(data: Uint8Array): void {
    if (this.#eof) throw new RuntimeError("feed_data after feed_eof");
    if (data.length === 0) return;
    const grown = new Uint8Array(this.#buffer.length + data.length);
    grown.set(this.#buffer);
    grown.set(data, this.#buffer.length);
    this.#buffer = grown;
    this.#wakeupWaiter();
    if (this.#transport !== null && !this.#paused && this.#buffer.length > 2 * this._limit) {
      this.#transport.pauseReading();
      this.#paused = true;
    }
  }

  async #waitForData(funcName: string): Promise<void> {
    if (this.#waiter !== null) {
      throw new RuntimeError(
        `${funcName}() called while another coroutine is already waiting for incoming data`,
      );
    }
    if (this.#paused) {
      this.#paused = false;
      this.#transport?.resumeReading();
    }
    this.#waiter = this._loop.createFuture();
    try {
      await this.#waiter;
    } finally {
      this.#waiter = null;
    }
  }

  #take(n: number): Bytes {
    const out = Bytes.from_(this.#buffer.subarray(0, n));
    this.#buffer = this.#buffer.slice(n);
    return out;
  }

  /**
   * One line, `\n` included; at the end of the stream, what is left (maybe without `\n`), then
   * empty bytes. Python: `await reader.readline()`.
   * @example
   * const line = await reader.readline();
   * if (line.length === 0) print("the peer closed");
   */
  async readline(): Promise<Bytes> {
    const sep = toBytes("\n");
    try {
      return await this.readuntil(sep);
    } catch (e) {
      if (e instanceof IncompleteReadError) return e.partial;
      if (e instanceof LimitOverrunError) {
        if (indexOf(this.#buffer, sep, e.consumed) === e.consumed) this.#take(e.consumed + 1);
        else this.#buffer = new Uint8Array(0);
        this.#maybeResumeTransport();
        throw new ValueError(e.message);
      }
      throw e;
    }
  }

  /**
   * Bytes up to and including `separator`; `IncompleteReadError` if the stream ends first.
   * Python: `await reader.readuntil(separator=b"\n")`.
   * @example
   * const header = await reader.readuntil("\r\n\r\n");
   */
  async readuntil(separator: BytesLike = "\n"): Promise<Bytes> {
    const sep = toBytes(separator);
    const seplen = sep.length;
    if (seplen === 0) throw new ValueError("Separator should be at least one-byte string");
    if (this.#exception !== null) throw this.#exception;
    let offset = 0;
    let isep = -1;
    for (;;) {
      const buflen = this.#buffer.length;
      if (buflen - offset >= seplen) {
        isep = indexOf(this.#buffer, sep, offset);
        if (isep !== -1) break;
        offset = buflen + 1 - seplen;
        if (offset > this._limit)
          throw new LimitOverrunError("Separator is not found, and chunk exceed the limit", offset);
      }
      if (this.#eof) {
        const chunk = this.#take(this.#buffer.length);
        throw new IncompleteReadError(chunk, null);
      }
      await this.#waitForData("readuntil");
    }
    if (isep > this._limit)
      throw new LimitOverrunError("Separator is found, but chunk is longer than limit", isep);
    const chunk = this.#take(isep + seplen);
    this.#maybeResumeTransport();
    return chunk;
  }

  /**
   * Up to `n` bytes, as soon as any are there (`n = -1`: everything until the end of the
   * stream); empty bytes at the end. Python: `await reader.read(n=-1)`.
   * @example
   * const chunk = await reader.read(100);
   */
  async read(n = -1): Promise<Bytes> {
    if (this.#exception !== null) throw this.#exception;
    if (n === 0) return new Bytes(0);
    if (n < 0) {
      const blocks: Bytes[] = [];
      for (;;) {
        const block = await this.read(this._limit);
        if (block.length === 0) break;
        blocks.push(block);
      }
      let size = 0;
      for (const b of blocks) size += b.length;
      const all = new Bytes(size);
      let at = 0;
      for (const b of blocks) {
        all.set(b, at);
        at += b.length;
      }
      return all;
    }
    if (this.#buffer.length === 0 && !this.#eof) await this.#waitForData("read");
    const data = this.#take(Math.min(n, this.#buffer.length));
    this.#maybeResumeTransport();
    return data;
  }

  /**
   * Exactly `n` bytes; `IncompleteReadError` (with what did arrive as `partial`) if the stream
   * ends first. Python: `await reader.readexactly(n)`.
   * @example
   * const header = await reader.readexactly(4);
   */
  async readexactly(n: number): Promise<Bytes> {
    if (n < 0) throw new ValueError("readexactly size can not be less than zero");
    if (this.#exception !== null) throw this.#exception;
    if (n === 0) return new Bytes(0);
    while (this.#buffer.length < n) {
      if (this.#eof) {
        const incomplete = this.#take(this.#buffer.length);
        throw new IncompleteReadError(incomplete, n);
      }
      await this.#waitForData("readexactly");
    }
    const data = this.#take(n);
    this.#maybeResumeTransport();
    return data;
  }

  /** Python: `async for line in reader:` (lines until the end of the stream). */
  async *[Symbol.asyncIterator](): AsyncGenerator<Bytes, void, undefined> {
    for (;;) {
      const line = await this.readline();
      if (line.length === 0) return;
      yield line;
    }
  }
}

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
    let task: import("./task.ts").Task<unknown> | null = null;
    // A Python callback that is a coroutine function becomes a task; a plain one just runs.
    if (cb.constructor.name === "AsyncFunction") {
      task = this._loop.createTask(() => cb(r, writer));
    } else {
      const res = cb(r, writer);
      if (
        res !== undefined &&
        res !== null &&
        typeof (res as PromiseLike<void>).then === "function"
      )
        task = this._loop.createTask(res as PromiseLike<void>);
    }
    // As in CPython 3.11, `exception()` of a task cancelled at shutdown raises CancelledError
    // here, which the loop reports as an error in this callback.
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

/**
 * Writes to a connection. Python: `asyncio.StreamWriter`. `write()` only buffers; `await
 * drain()` is where a writer waits when the buffer is over its high-water mark (64 KiB), until
 * the network has taken it down to the low-water mark (16 KiB). Below the mark, `drain()`
 * returns without yielding.
 * @example
 * writer.write("hello\n");   // Python: writer.write(b"hello\n")
 * await writer.drain();
 * writer.close();
 * await writer.waitClosed();
 */
export class StreamWriter {
  readonly #transport: Transport;
  readonly #protocol: StreamReaderProtocol;
  readonly #reader: StreamReader | null;

  constructor(
    transport: Transport,
    protocol: StreamReaderProtocol,
    reader: StreamReader | null,
    _loop: AbstractEventLoop,
  ) {
    this.#transport = transport;
    this.#protocol = protocol;
    this.#reader = reader;
  }

  /** Python: `writer.transport`. */
  get transport(): Transport {
    return this.#transport;
  }

  /**
   * Buffer `data` to send; never waits. A string is sent as UTF-8 (Python needs bytes:
   * `writer.write(text.encode())`). Python: `writer.write(data)`.
   * @example
   * writer.write("PING\n");
   */
  write(data: BytesLike): void {
    this.#transport.write(toBytes(data));
  }

  /** Python: `writer.writelines(data)`. */
  writelines(data: Iterable<BytesLike>): void {
    this.#transport.writelines([...data].map(toBytes));
  }

  /** Close the writing half once the buffer is sent (the peer reads the end). Python: `writer.write_eof()`. */
  writeEof(): void {
    this.#transport.writeEof();
  }

  /** Python: `writer.can_write_eof()`. */
  canWriteEof(): boolean {
    return this.#transport.canWriteEof();
  }

  /** Send what is buffered, then close. Python: `writer.close()`. */
  close(): void {
    this.#transport.close();
  }

  /** Python: `writer.is_closing()`. */
  isClosing(): boolean {
    return this.#transport.isClosing();
  }

  /**
   * Wait until the connection is closed. Python: `await writer.wait_closed()`.
   * @example
   * writer.close();
   * await writer.waitClosed();
   */
  async waitClosed(): Promise<void> {
    await this.#protocol._getCloseWaiter();
  }

  /** Python: `writer.get_extra_info(name, default=None)` (`"peername"`: `[host, port]`). */
  getExtraInfo(name: string, defaultValue: unknown = null): unknown {
    return this.#transport.getExtraInfo(name, defaultValue);
  }

  /**
   * Wait, if the buffer is over the high-water mark, until it is down to the low-water mark.
   * Python: `await writer.drain()`.
   * @example
   * for (const line of lines) {
   *   writer.write(line);
   *   await writer.drain();
   * }
   */
  async drain(): Promise<void> {
    const exc = this.#reader?.exception() ?? null;
    if (exc !== null) throw exc;
    if (this.#transport.isClosing()) await sleep(0);
    await this.#protocol._drainHelper();
  }
}

/** What `startServer` calls for each connection: Python's `client_connected_cb(reader, writer)`. */
export type ClientConnected = (reader: StreamReader, writer: StreamWriter) => unknown;

/**
 * Connect to `host`:`port`: one round trip on the simulated network, then a reader and a
 * writer. Python: `reader, writer = await asyncio.open_connection(host, port, limit=2**16)`.
 * @example
 * const [reader, writer] = await asyncio.openConnection("127.0.0.1", 8888);
 */
export async function openConnection(
  host: string,
  port: number,
  options: { limit?: number } = {},
): Promise<[StreamReader, StreamWriter]> {
  const loop = getRunningLoop();
  const reader = new StreamReader({ limit: options.limit ?? DEFAULT_LIMIT, loop });
  const protocol = new StreamReaderProtocol(reader, null, loop);
  const [transport] = await createConnection(loop, () => protocol, host, port);
  const writer = new StreamWriter(transport, protocol, reader, loop);
  return [reader, writer];
}

/**
 * Listen on `host`:`port`; each connection runs `clientConnected(reader, writer)` (an async
 * function becomes a task). Python: `server = await asyncio.start_server(cb, host, port)`.
 * @example
 * async function handle(reader, writer) {
 *   const line = await reader.readline();
 *   writer.write(line);
 *   writer.close();
 *   await writer.waitClosed();
 * }
 * await using server = await asyncio.startServer(handle, "127.0.0.1", 8888);
 */
export async function startServer(
  clientConnected: ClientConnected,
  host: string | null,
  port: number,
  options: { limit?: number; startServing?: boolean } = {},
): Promise<Server> {
  const loop = getRunningLoop();
  const limit = options.limit ?? DEFAULT_LIMIT;
  const factory = (): Protocol =>
    new StreamReaderProtocol(new StreamReader({ limit, loop }), clientConnected, loop);
  return createServer(loop, factory, host, port, options);
}
