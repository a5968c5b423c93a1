/**
 * The contract between a child's pipe transports and the subprocess transport that owns them:
 * the part of Python's `asyncio.ReadTransport` and `asyncio.Protocol` a pipe uses
 * (`unix_events._UnixReadPipeTransport`, `base_subprocess.ReadSubprocessPipeProto`).
 */

/** Python: a read pipe transport (the parent's end of a child's stdout or stderr). */
export interface ReadPipeTransport {
  pauseReading(): void;
  resumeReading(): void;
  isClosing(): boolean;
  close(): void;
}

/** Python: the protocol a read pipe transport feeds. */
export interface ReadPipeProtocol {
  connectionMade(transport: ReadPipeTransport): void;
  dataReceived(data: Uint8Array): void;
  eofReceived(): unknown;
  connectionLost(exc: Error | null): void;
}

/** Python: `asyncio.SubprocessProtocol`, what the subprocess transport reports to. */
export interface SubprocessProtocol<T> {
  connectionMade(transport: T): void;
  pauseWriting(): void;
  resumeWriting(): void;
  pipeDataReceived(fd: number, data: Uint8Array): void;
  pipeConnectionLost(fd: number, exc: Error | null): void;
  processExited(): void;
  connectionLost(exc: Error | null): void;
}

/** Python: a write pipe transport (the parent's end of a child's stdin). */
export interface WritePipeTransport {
  write(data: Uint8Array): void;
  writelines(data: Iterable<Uint8Array>): void;
  writeEof(): void;
  canWriteEof(): boolean;
  close(): void;
  abort(): void;
  isClosing(): boolean;
  getWriteBufferSize(): number;
  getWriteBufferLimits(): [number, number];
  /** Python: `transport.get_extra_info(name, default=None)` (`"pipe"`). */
  getExtraInfo(name: string, defaultValue?: unknown): unknown;
}

/** Python: the protocol a write pipe transport reports to (`WriteSubprocessPipeProto`). */
export interface WritePipeProtocol<T = WritePipeTransport> {
  connectionMade(transport: T): void;
  connectionLost(exc: Error | null): void;
  pauseWriting(): void;
  resumeWriting(): void;
}
