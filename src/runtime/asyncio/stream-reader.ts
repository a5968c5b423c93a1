/** `StreamReader`: a port of CPython 3.11's `asyncio.StreamReader` (`streams.py`). */
import { Bytes, type BytesLike, toBytes } from "./bytes.ts";
import { RuntimeError, ValueError } from "./errors.ts";
import type { Future } from "./future.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
import { IncompleteReadError, LimitOverrunError } from "./stream-errors.ts";
import { getRunningLoop } from "./tasks.ts";
import type { Transport } from "./transport-api.ts";

/** What a reader needs of its transport: a socket's, or a child process's pipe. */
type ReadingTransport = Pick<Transport, "pauseReading" | "resumeReading">;

/** Python: `asyncio.streams._DEFAULT_LIMIT`, 64 KiB. */
export const DEFAULT_LIMIT = 2 ** 16;

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
  #transport: ReadingTransport | null = null;
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
  setTransport(transport: ReadingTransport): void {
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
