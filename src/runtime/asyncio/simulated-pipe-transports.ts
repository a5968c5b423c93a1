/**
 * The parent's ends of a simulated child's pipes: ports of CPython 3.11's
 * `_UnixReadPipeTransport` (stdout, stderr) and `_UnixWritePipeTransport` (stdin), over
 * `simulated-pipe.ts` instead of file descriptors, following the recorder's
 * `simulated/_processes.py` step for step: where the selector would report a pipe readable or
 * writable, the transport acts on the loop's next pass.
 */
import type { Future } from "./future.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
import type { Pipe, PipeReader, PipeWriter } from "./simulated-pipe.ts";
import { BrokenPipeError } from "./stream-errors.ts";
import type {
  ReadPipeProtocol,
  ReadPipeTransport,
  WritePipeProtocol,
  WritePipeTransport,
} from "./subprocess-pipes.ts";

/** The parent's end of a child's stdout or stderr: Python's `_UnixReadPipeTransport`. */
export class SimulatedReadPipeTransport implements ReadPipeTransport, PipeReader {
  static readonly maxSize = 256 * 1024;
  #loop: AbstractEventLoop | null;
  #pipe: Pipe | null;
  #protocol: ReadPipeProtocol | null;
  #closing = false;
  #paused = false;
  #registered = false;
  #scheduled = false;

  constructor(
    loop: AbstractEventLoop,
    pipe: Pipe,
    protocol: ReadPipeProtocol,
    waiter: Future<unknown>,
  ) {
    this.#loop = loop;
    this.#pipe = pipe;
    this.#protocol = protocol;
    pipe.reader = this;
    loop.callSoon(() => protocol.connectionMade(this));
    loop.callSoon(() => this.#addReader());
    loop.callSoon(() => {
      if (!waiter.cancelled()) waiter.setResult(undefined);
    });
  }

  #addReader(): void {
    this.#registered = true;
    this._poll();
  }

  /** The pipe may be readable: the selector would say so on the loop's next pass. */
  _poll(): void {
    if (this.#registered && !this.#scheduled && this.#pipe?.readable()) {
      this.#scheduled = true;
      this.#loop?.callSoon(() => this.#readReady());
    }
  }

  #readReady(): void {
    this.#scheduled = false;
    const pipe = this.#pipe;
    const protocol = this.#protocol;
    const loop = this.#loop;
    if (!this.#registered || pipe === null || protocol === null || loop === null) return;
    const data = pipe.read(SimulatedReadPipeTransport.maxSize);
    if (data.length > 0) {
      protocol.dataReceived(data);
      this._poll();
    } else {
      this.#closing = true;
      this.#registered = false;
      loop.callSoon(() => protocol.eofReceived());
      loop.callSoon(() => this.#callConnectionLost(null));
    }
  }

  pauseReading(): void {
    if (this.#closing || this.#paused) return;
    this.#paused = true;
    this.#registered = false;
  }

  resumeReading(): void {
    if (this.#closing || !this.#paused) return;
    this.#paused = false;
    this.#addReader();
  }

  isClosing(): boolean {
    return this.#closing;
  }

  close(): void {
    if (this.#closing) return;
    this.#closing = true;
    this.#registered = false;
    this.#loop?.callSoon(() => this.#callConnectionLost(null));
  }

  #callConnectionLost(exc: Error | null): void {
    try {
      this.#protocol?.connectionLost(exc);
    } finally {
      this.#pipe?.closeRead();
      this.#pipe = null;
      this.#protocol = null;
      this.#loop = null;
    }
  }
}

/** The parent's end of a child's stdin: Python's `_UnixWritePipeTransport`. */
export class SimulatedWritePipeTransport implements WritePipeTransport, PipeWriter {
  #loop: AbstractEventLoop | null;
  #pipe: Pipe | null;
  #protocol: WritePipeProtocol | null;
  #buffer = new Uint8Array(0);
  #connLost = 0;
  #closing = false;
  /** Waiting for room in the pipe (the loop's writer). */
  #writing = false;
  /** Told when the child closes its end (the loop's reader). */
  #watching = false;
  #high = 64 * 1024;
  #low = 16 * 1024;
  #protocolPaused = false;

  constructor(
    loop: AbstractEventLoop,
    pipe: Pipe,
    protocol: WritePipeProtocol,
    waiter: Future<unknown>,
  ) {
    this.#loop = loop;
    this.#pipe = pipe;
    this.#protocol = protocol;
    pipe.writer = this;
    loop.callSoon(() => protocol.connectionMade(this));
    // CPython watches a pipe's write end for reading: it turns readable when the reader closes.
    loop.callSoon(() => this.#addReader());
    loop.callSoon(() => {
      if (!waiter.cancelled()) waiter.setResult(undefined);
    });
  }

  #addReader(): void {
    if (this.#pipe === null) return;
    this.#watching = true;
    if (this.#pipe.readClosed) this.#loop?.callSoon(() => this.#readReady());
  }

  _peerClosed(): void {
    if (this.#watching) this.#loop?.callSoon(() => this.#readReady());
  }

  _room(): void {
    if (this.#writing) this.#loop?.callSoon(() => this.#writeReady());
  }

  getWriteBufferSize(): number {
    return this.#buffer.length;
  }

  getWriteBufferLimits(): [number, number] {
    return [this.#low, this.#high];
  }

  getExtraInfo(name: string, defaultValue: unknown = null): unknown {
    return name === "pipe" ? this.#pipe : defaultValue;
  }

  #readReady(): void {
    if (!this.#watching) return;
    this.#close(this.#buffer.length > 0 ? new BrokenPipeError() : null);
  }

  write(data: Uint8Array): void {
    if (data.length === 0) return;
    if (this.#connLost > 0 || this.#closing) {
      this.#connLost += 1; // CPython logs a warning from the fifth
      return;
    }
    const pipe = this.#pipe as Pipe;
    let rest = data;
    if (this.#buffer.length === 0) {
      if (pipe.readClosed) {
        this.#connLost += 1;
        this.#close(new BrokenPipeError(32, "Broken pipe")); // os.write's EPIPE, not logged
        return;
      }
      const n = pipe.put(data);
      if (n === data.length) return;
      rest = data.subarray(n);
      this.#writing = true;
    }
    const grown = new Uint8Array(this.#buffer.length + rest.length);
    grown.set(this.#buffer);
    grown.set(rest, this.#buffer.length);
    this.#buffer = grown;
    this.#maybePauseProtocol();
  }

  writelines(data: Iterable<Uint8Array>): void {
    for (const chunk of data) this.write(chunk);
  }

  #writeReady(): void {
    const pipe = this.#pipe;
    if (!this.#writing || pipe === null) return;
    if (pipe.readClosed) {
      this.#buffer = new Uint8Array(0);
      this.#connLost += 1;
      this.#writing = false;
      this.#close(new BrokenPipeError(32, "Broken pipe"));
      return;
    }
    const n = pipe.put(this.#buffer);
    if (n === this.#buffer.length) {
      this.#buffer = new Uint8Array(0);
      this.#writing = false;
      this.#maybeResumeProtocol();
      if (this.#closing) {
        this.#watching = false;
        this.#callConnectionLost(null);
      }
      return;
    }
    this.#buffer = this.#buffer.slice(n);
  }

  #maybePauseProtocol(): void {
    if (this.#buffer.length <= this.#high || this.#protocolPaused) return;
    this.#protocolPaused = true;
    this.#protocol?.pauseWriting();
  }

  #maybeResumeProtocol(): void {
    if (this.#protocolPaused && this.#buffer.length <= this.#low) {
      this.#protocolPaused = false;
      this.#protocol?.resumeWriting();
    }
  }

  canWriteEof(): boolean {
    return true;
  }

  writeEof(): void {
    if (this.#closing) return;
    this.#closing = true;
    if (this.#buffer.length === 0) {
      this.#watching = false;
      this.#loop?.callSoon(() => this.#callConnectionLost(null));
    }
  }

  isClosing(): boolean {
    return this.#closing;
  }

  close(): void {
    if (this.#pipe !== null && !this.#closing) this.writeEof();
  }

  abort(): void {
    this.#close(null);
  }

  #close(exc: Error | null): void {
    this.#closing = true;
    this.#writing = false;
    this.#buffer = new Uint8Array(0);
    this.#watching = false;
    this.#loop?.callSoon(() => this.#callConnectionLost(exc));
  }

  #callConnectionLost(exc: Error | null): void {
    try {
      this.#protocol?.connectionLost(exc);
    } finally {
      this.#pipe?.closeWrite();
      this.#pipe = null;
      this.#protocol = null;
      this.#loop = null;
    }
  }
}
