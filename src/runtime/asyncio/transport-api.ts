/**
 * The contract between a transport (the network's end of a connection) and its protocol (the
 * streams' end): Python's `asyncio.Transport` and `asyncio.Protocol` (`transports.py`,
 * `protocols.py`), the part of them the simulated network and the streams use.
 */

/** Python: `asyncio.Transport`, a socket transport. */
export interface Transport {
  /** Python: `transport.write(data)`: buffer the bytes and send them as the network allows. */
  write(data: Uint8Array): void;
  /** Python: `transport.writelines(list_of_data)`. */
  writelines(data: Iterable<Uint8Array>): void;
  /** Python: `transport.write_eof()`: close the writing half once the buffer is sent. */
  writeEof(): void;
  /** Python: `transport.can_write_eof()`. */
  canWriteEof(): boolean;
  /** Python: `transport.close()`: send what is buffered, then close. */
  close(): void;
  /** Python: `transport.abort()`: close at once, dropping what is buffered. */
  abort(): void;
  /** Python: `transport.is_closing()`. */
  isClosing(): boolean;
  /** Python: `transport.is_reading()`. */
  isReading(): boolean;
  /** Python: `transport.pause_reading()`. */
  pauseReading(): void;
  /** Python: `transport.resume_reading()`. */
  resumeReading(): void;
  /** Python: `transport.get_write_buffer_size()`: bytes written and not yet sent. */
  getWriteBufferSize(): number;
  /** Python: `transport.get_write_buffer_limits()`: `[low, high]`. */
  getWriteBufferLimits(): [number, number];
  /** Python: `transport.set_write_buffer_limits(high=None, low=None)`. */
  setWriteBufferLimits(limits?: { high?: number; low?: number }): void;
  /** Python: `transport.get_extra_info(name, default=None)` (`"peername"`, `"sockname"`). */
  getExtraInfo(name: string, defaultValue?: unknown): unknown;
}

/** What a `StreamWriter` writes to: a socket's transport, or a child process's stdin pipe. */
export type WriteTransport = Pick<
  Transport,
  "write" | "writelines" | "writeEof" | "canWriteEof" | "close" | "isClosing" | "getExtraInfo"
>;

/** What a `StreamWriter` asks of its protocol: Python's `FlowControlMixin` side of it. */
export interface WriterProtocol {
  /** Python: `await protocol._drain_helper()`: waits while the transport has paused writing. */
  _drainHelper(): Promise<void>;
  /** Python: `protocol._get_close_waiter(stream)`: what `wait_closed()` awaits. */
  _getCloseWaiter(): PromiseLike<unknown>;
}

/** Python: `asyncio.Protocol` with flow control (what a transport calls). */
export interface Protocol {
  connectionMade(transport: Transport): void;
  connectionLost(exc: Error | null): void;
  dataReceived(data: Uint8Array): void;
  /** Returns true to keep the transport open for writing after the peer's end of stream. */
  eofReceived(): boolean;
  pauseWriting(): void;
  resumeWriting(): void;
}
