/**
 * One connection on the simulated network: its two `Endpoint`s (what each kernel holds: data that
 * arrived and was not yet handed over, and what is in flight to it) and the socket transport on
 * each end. A port of the recorder's `simulated/_network.py`, step for step; the rules are in
 * scripts/python/standins/SERVICES.md, "Network".
 */
import { RuntimeError, ValueError } from "./errors.ts";
import type { Future } from "./future.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
import { type Address, networkSettings } from "./network-settings.ts";
import type { Server } from "./server.ts";
import { BrokenPipeError, ConnectionResetError } from "./stream-errors.ts";
import type { Protocol, Transport } from "./transport-api.ts";

/** The most one transmission carries. */
const SEGMENT = 16 * 1024;
/** What a receiver holds unread (in flight or queued) before its sender waits. */
const WINDOW = 64 * 1024;

/** One end of a connection, as the kernel holds it. */
export class Endpoint {
  peer!: Endpoint;
  transport: SimulatedTransport | null = null;
  /** Arrived chunks not yet handed over; `null` is the end of the stream. */
  queue: (Uint8Array | null)[] = [];
  queued = 0;
  inFlight = 0;
  closed = false;
  eofArrived = false;
  resetError: Error | null = null;
  readonly address: Address;
  constructor(address: Address) {
    this.address = address;
  }

  window(): number {
    return WINDOW - this.inFlight - this.queued;
  }

  arrive(chunk: Uint8Array): void {
    this.inFlight -= chunk.length;
    if (this.closed) {
      // A closed socket answers data with a reset, as TCP does.
      this.peer.reset();
      return;
    }
    const t = this.transport;
    if (t?.isReading() && this.queue.length === 0) {
      t._protocol.dataReceived(chunk);
    } else {
      this.queue.push(chunk);
      this.queued += chunk.length;
    }
    this.wakeSender();
  }

  /**
   * The peer answered with a reset. Linux reports it as EPIPE once this end has read the peer's
   * end of stream (CLOSE_WAIT), else as ECONNRESET; the transport learns of it when it next sends.
   */
  reset(): void {
    if (this.resetError !== null) return;
    this.resetError = this.eofArrived
      ? new BrokenPipeError(32, "Broken pipe")
      : new ConnectionResetError(104, "Connection reset by peer");
    const t = this.transport;
    if (t !== null && t.getWriteBufferSize() > 0) t._forceClose(this.resetError);
  }

  /** This end's receive window opened: its peer may send more. */
  wakeSender(): void {
    this.peer.transport?._sendMore();
  }

  arriveEof(): void {
    if (this.closed) return;
    this.eofArrived = true;
    const t = this.transport;
    if (t?.isReading() && this.queue.length === 0) t._eofReceived();
    else this.queue.push(null);
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A socket transport on the simulated network. Python: `_SelectorSocketTransport`. */
export class SimulatedTransport implements Transport {
  _protocol: Protocol;
  #loop: AbstractEventLoop;
  #endpoint: Endpoint;
  #server: Server | null;
  #buffer: Uint8Array[] = [];
  #buffered = 0;
  #sending = false;
  #finWanted = false;
  #finSent = false;
  #closing = false;
  #eof = false;
  #paused = false;
  #connLost = 0;
  #protocolPaused = false;
  #high = 64 * 1024;
  #low = 16 * 1024;

  constructor(
    loop: AbstractEventLoop,
    protocol: Protocol,
    endpoint: Endpoint,
    waiter: Future<unknown> | null,
    server: Server | null,
  ) {
    this.#loop = loop;
    this._protocol = protocol;
    this.#endpoint = endpoint;
    this.#server = server;
    endpoint.transport = this;
    server?._attach();
    loop.callSoon(() => protocol.connectionMade(this));
    loop.callSoon(() => this.#startReading());
    if (waiter !== null) {
      loop.callSoon(() => {
        if (!waiter.cancelled()) waiter.setResult(undefined);
      });
    }
  }

  getExtraInfo(name: string, defaultValue: unknown = null): unknown {
    if (name === "peername") return this.#endpoint.peer.address;
    if (name === "sockname") return this.#endpoint.address;
    return defaultValue;
  }

  // Reading

  isReading(): boolean {
    return !this.#paused && !this.#closing;
  }

  pauseReading(): void {
    if (!this.isReading()) return;
    this.#paused = true;
  }

  resumeReading(): void {
    if (this.#closing || !this.#paused) return;
    this.#paused = false;
    this.#loop.callSoon(() => this.#deliverQueued());
  }

  #startReading(): void {
    if (this.#endpoint.queue.length > 0) this.#deliverQueued();
  }

  #deliverQueued(): void {
    const ep = this.#endpoint;
    if (!this.isReading() || ep.queue.length === 0) return;
    const eof = ep.queue[ep.queue.length - 1] === null;
    const data = concat(ep.queue.filter((c): c is Uint8Array => c !== null));
    ep.queue = [];
    ep.queued = 0;
    if (data.length > 0) this._protocol.dataReceived(data);
    if (eof && !this.#closing) this._eofReceived();
    ep.wakeSender();
  }

  _eofReceived(): void {
    if (!this._protocol.eofReceived()) this.close();
  }

  // Writing

  write(data: Uint8Array): void {
    if (this.#eof) throw new RuntimeError("Cannot call write() after write_eof()");
    if (data.length === 0) return;
    if (this.#connLost) {
      this.#connLost += 1;
      return;
    }
    const reset = this.#endpoint.resetError;
    if (reset !== null) {
      this._forceClose(reset); // CPython: "Fatal write error on socket transport"
      return;
    }
    this.#buffer.push(data.slice());
    this.#buffered += data.length;
    this._sendMore();
    this.#maybePauseProtocol();
  }

  writelines(data: Iterable<Uint8Array>): void {
    this.write(concat([...data]));
  }

  getWriteBufferSize(): number {
    return this.#buffered;
  }

  getWriteBufferLimits(): [number, number] {
    return [this.#low, this.#high];
  }

  setWriteBufferLimits(limits: { high?: number; low?: number } = {}): void {
    let { high, low } = limits;
    if (high === undefined) high = low === undefined ? 64 * 1024 : 4 * low;
    if (low === undefined) low = Math.floor(high / 4);
    if (!(high >= low && low >= 0))
      throw new ValueError(`high (${high}) must be >= low (${low}) must be >= 0`);
    this.#high = high;
    this.#low = low;
    this.#maybePauseProtocol();
  }

  canWriteEof(): boolean {
    return true;
  }

  writeEof(): void {
    if (this.#closing || this.#eof) return;
    this.#eof = true;
    this.#finWanted = true;
    this._sendMore();
  }

  #take(n: number): Uint8Array {
    const parts: Uint8Array[] = [];
    let left = n;
    while (left > 0) {
      const head = this.#buffer[0] as Uint8Array;
      if (head.length <= left) {
        parts.push(head);
        this.#buffer.shift();
        left -= head.length;
      } else {
        parts.push(head.subarray(0, left));
        this.#buffer[0] = head.subarray(left);
        left = 0;
      }
    }
    this.#buffered -= n;
    return parts.length === 1 ? (parts[0] as Uint8Array) : concat(parts);
  }

  /** Puts what the window and the wire allow on its way to the peer. */
  _sendMore(): void {
    if (this.#sending) return;
    const loop = this.#loop;
    const peer = this.#endpoint.peer;
    const { latency, bandwidth } = networkSettings;
    let sent = false;
    while (this.#buffered > 0 && peer.window() > 0) {
      const n = Math.min(this.#buffered, SEGMENT, peer.window());
      const chunk = this.#take(n);
      peer.inFlight += n;
      sent = true;
      if (bandwidth === null) {
        loop.callLater(latency, () => peer.arrive(chunk));
      } else {
        this.#sending = true;
        loop.callLater(n / bandwidth, () => this.#sent(chunk));
        break;
      }
    }
    if (sent) {
      this.#maybeResumeProtocol();
      if (this.#buffered === 0 && this.#closing && !this.#connLost) this.#callConnectionLost(null);
    }
    if (this.#finWanted && !this.#finSent && this.#buffered === 0 && !this.#sending) {
      this.#finSent = true;
      loop.callLater(latency, () => peer.arriveEof());
    }
  }

  #sent(chunk: Uint8Array): void {
    this.#sending = false;
    const peer = this.#endpoint.peer;
    this.#loop.callLater(networkSettings.latency, () => peer.arrive(chunk));
    this._sendMore();
  }

  #maybePauseProtocol(): void {
    if (this.getWriteBufferSize() <= this.#high) return;
    if (!this.#protocolPaused) {
      this.#protocolPaused = true;
      this._protocol.pauseWriting();
    }
  }

  #maybeResumeProtocol(): void {
    if (this.#protocolPaused && this.getWriteBufferSize() <= this.#low) {
      this.#protocolPaused = false;
      this._protocol.resumeWriting();
    }
  }

  // Closing

  isClosing(): boolean {
    return this.#closing;
  }

  close(): void {
    if (this.#closing) return;
    this.#closing = true;
    this.#finWanted = true;
    if (this.#buffered === 0) {
      this.#connLost += 1;
      this.#loop.callSoon(() => this.#callConnectionLost(null));
    }
    this._sendMore();
  }

  abort(): void {
    this.#buffer = [];
    this.#buffered = 0;
    if (!this.#closing) {
      this.#closing = true;
      this.#finWanted = true;
      this._sendMore();
    }
    if (!this.#connLost) {
      this.#connLost += 1;
      this.#loop.callSoon(() => this.#callConnectionLost(null));
    }
  }

  /** Python: `_force_close(exc)`, after a fatal error (here: a reset noticed when sending). */
  _forceClose(exc: Error): void {
    if (this.#connLost) return;
    this.#buffer = [];
    this.#buffered = 0;
    this.#closing = true;
    this.#connLost += 1;
    this.#loop.callSoon(() => this.#callConnectionLost(exc));
  }

  #callConnectionLost(exc: Error | null): void {
    if (this.#endpoint.closed) return;
    this.#connLost = Math.max(this.#connLost, 1);
    try {
      this._protocol.connectionLost(exc);
    } finally {
      this.#endpoint.closed = true;
      const server = this.#server;
      if (server !== null) {
        server._detach();
        this.#server = null;
      }
    }
  }
}
