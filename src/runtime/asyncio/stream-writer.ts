/** `StreamWriter`: a port of CPython 3.11's `asyncio.StreamWriter` (`streams.py`). */
import { type BytesLike, toBytes } from "./bytes.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
import { sleep } from "./sleep.ts";
import type { StreamReader } from "./stream-reader.ts";
import type { Transport, WriterProtocol, WriteTransport } from "./transport-api.ts";

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
export class StreamWriter<T extends WriteTransport = Transport> {
  readonly #transport: T;
  readonly #protocol: WriterProtocol;
  readonly #reader: StreamReader | null;

  constructor(
    transport: T,
    protocol: WriterProtocol,
    reader: StreamReader | null,
    _loop: AbstractEventLoop,
  ) {
    this.#transport = transport;
    this.#protocol = protocol;
    this.#reader = reader;
  }

  /** Python: `writer.transport`. */
  get transport(): T {
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
