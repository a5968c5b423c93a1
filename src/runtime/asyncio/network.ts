/**
 * The simulated TCP network under `openConnection` and `startServer`: a port of the recorder's
 * `simulated/_network.py`, step for step, so a program prints the same transcript on both sides
 * (scripts/python/standins/SERVICES.md, "Network", is the spec). A connection is two endpoints;
 * what a transport writes goes out in segments of at most 16 KiB, each taking
 * `size / bandwidth` seconds on the wire and arriving `latency` later; a receiver holds at most
 * 64 KiB unread (in flight or queued while it does not read) before the sender waits.
 */
import { RuntimeError, ValueError } from "./errors.ts";
import { PY_REPR } from "./format.ts";
import type { Future } from "./future.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
import { Server } from "./server.ts";
import { sleep } from "./sleep.ts";
import {
  BrokenPipeError,
  ConnectionRefusedError,
  ConnectionResetError,
  OSError,
} from "./stream-errors.ts";
import type { Protocol, Transport } from "./transport-api.ts";

const SEGMENT = 16 * 1024;
const WINDOW = 64 * 1024;
const FIRST_PORT = 50000;
const ANY = "*";

/** The network's settings; `simulated.network({ latency, bandwidth })` changes them. */
export const networkSettings: { latency: number; bandwidth: number | null } = {
  latency: 0.01,
  bandwidth: null,
};

/** Back to the defaults (each run starts here). */
export function resetNetwork(): void {
  networkSettings.latency = 0.01;
  networkSettings.bandwidth = null;
}

/** An address: `[host, port]`, printed as Python's tuple `('127.0.0.1', 8888)`. */
export type Address = readonly [string, number];

function address(host: string, port: number): Address {
  const a: [string, number] = [host, port];
  Object.defineProperty(a, PY_REPR, { value: () => `('${host}', ${port})` });
  return Object.freeze(a);
}

class World {
  listeners = new Map<string, Server>();
  nextPort = FIRST_PORT;
}

const worlds = new WeakMap<AbstractEventLoop, World>();

function worldOf(loop: AbstractEventLoop): World {
  let w = worlds.get(loop);
  if (w === undefined) {
    w = new World();
    worlds.set(loop, w);
  }
  return w;
}

function normHost(host: string | null | undefined): string {
  if (host === null || host === undefined || host === "" || host === "0.0.0.0" || host === "::")
    return ANY;
  return host === "localhost" ? "127.0.0.1" : host;
}

const keyOf = (host: string, port: number): string => `${host}\u0000${port}`;

/** One end of a connection as the kernel holds it. */
class Endpoint {
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
    if (t !== null && t.isReading() && this.queue.length === 0) {
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
    if (t !== null && t.isReading() && this.queue.length === 0) t._eofReceived();
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

function isFree(world: World, host: string, port: number): boolean {
  for (const server of world.listeners.values()) {
    const [h, p] = server._key;
    if (p === port && (h === host || h === ANY || host === ANY) && !server._isClosed())
      return false;
  }
  return true;
}

/** Python: `loop.create_server(protocol_factory, host, port)` on the simulated network. */
export async function createServer(
  loop: AbstractEventLoop,
  protocolFactory: () => Protocol,
  host: string | null | undefined,
  port: number | null | undefined,
  options: { startServing?: boolean } = {},
): Promise<Server> {
  const world = worldOf(loop);
  const key = normHost(host);
  let p = port ?? 0;
  if (p === 0) p = world.nextPort++;
  if (!isFree(world, key, p)) {
    const shown = key === ANY ? "0.0.0.0" : key;
    throw new OSError(
      98,
      `error while attempting to bind on address ('${shown}', ${p}): address already in use`,
    );
  }
  const server = new Server(
    loop,
    address(key === ANY ? "0.0.0.0" : key, p),
    [key, p],
    protocolFactory,
  );
  world.listeners.set(keyOf(key, p), server);
  if (options.startServing ?? true) {
    server._startServing();
    await sleep(0);
  }
  return server;
}

function listenerFor(world: World, host: string, port: number): Server | null {
  for (const key of [keyOf(normHost(host), port), keyOf(ANY, port)]) {
    const server = world.listeners.get(key);
    if (server?._accepts()) return server;
  }
  return null;
}

async function accept(loop: AbstractEventLoop, server: Server, endpoint: Endpoint): Promise<void> {
  const protocol = server._protocolFactory();
  const waiter = loop.createFuture();
  new SimulatedTransport(loop, protocol, endpoint, waiter, server);
  await waiter;
}

function settle(done: Future<Endpoint>, endpoint: Endpoint | null, error: Error | null): void {
  if (done.done()) return;
  if (error !== null) done.setException(error);
  else done.setResult(endpoint as Endpoint);
}

function synArrives(
  loop: AbstractEventLoop,
  done: Future<Endpoint>,
  host: string,
  port: number,
): void {
  const world = worldOf(loop);
  const { latency } = networkSettings;
  const server = listenerFor(world, host, port);
  const h = normHost(host);
  if (server === null) {
    const error = new ConnectionRefusedError(111, `Connect call failed ('${h}', ${port})`);
    loop.callLater(latency, () => settle(done, null, error));
    return;
  }
  const client = new Endpoint(address("127.0.0.1", world.nextPort++));
  const here = new Endpoint(address(h === ANY ? "127.0.0.1" : h, port));
  client.peer = here;
  here.peer = client;
  loop.createTask(() => accept(loop, server, here));
  loop.callLater(latency, () => settle(done, client, null));
}

/** Python: `loop.create_connection(protocol_factory, host, port)` on the simulated network. */
export async function createConnection(
  loop: AbstractEventLoop,
  protocolFactory: () => Protocol,
  host: string,
  port: number,
): Promise<[Transport, Protocol]> {
  const done = loop.createFuture<Endpoint>();
  loop.callLater(networkSettings.latency, () => synArrives(loop, done, host, port));
  const endpoint = await done;
  const protocol = protocolFactory();
  const waiter = loop.createFuture();
  const transport = new SimulatedTransport(loop, protocol, endpoint, waiter, null);
  await waiter;
  return [transport, protocol];
}
