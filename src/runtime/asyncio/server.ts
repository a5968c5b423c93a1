/** `Server`: what `startServer` returns. A port of CPython 3.11's `base_events.Server`. */
import { CancelledError, RuntimeError } from "./errors.ts";
import { PY_REPR, pyRepr } from "./format.ts";
import type { Future } from "./future.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
import type { Address } from "./network-settings.ts";
import { since } from "./python-version.ts";
import { sleep } from "./sleep.ts";
import type { Protocol } from "./transport-api.ts";

/** What `server.sockets` holds: a listening socket, as far as `getsockname()` goes. */
export class ListeningSocket {
  readonly #address: Address;
  constructor(address: Address) {
    this.#address = address;
  }
  /** Python: `sock.getsockname()`, the `(host, port)` it listens on. */
  getsockname(): Address {
    return this.#address;
  }
}

/**
 * A listening server. Python: `asyncio.Server` (from `await asyncio.start_server(...)`).
 * `close()` stops accepting (connections already made carry on); `await using` closes it and
 * waits for `waitClosed()` on the way out, as Python's `async with server:` does.
 * Up to CPython 3.11, `waitClosed()` after `close()` returns at once, even while connections
 * are open; 3.12.1 and later wait for them to close (`python-version.ts`).
 * @example
 * await using server = await asyncio.startServer(handle, "127.0.0.1", 8888);
 * print(server.sockets[0].getsockname()); // ['127.0.0.1', 8888]
 * await server.serveForever();
 */
export class Server {
  readonly _key: readonly [string, number];
  readonly _protocolFactory: () => Protocol;
  #loop: AbstractEventLoop;
  #sockets: ListeningSocket[] | null;
  #activeCount = 0;
  #waiters: Future<unknown>[] | null = [];
  #serving = false;
  #servingForeverFut: Future<unknown> | null = null;

  constructor(
    loop: AbstractEventLoop,
    address: Address,
    key: readonly [string, number],
    protocolFactory: () => Protocol,
  ) {
    this.#loop = loop;
    this.#sockets = [new ListeningSocket(address)];
    this._key = key;
    this._protocolFactory = protocolFactory;
  }

  /** Python: `server.get_loop()`. */
  getLoop(): AbstractEventLoop {
    return this.#loop;
  }

  /** Python: `server.is_serving()`. */
  isServing(): boolean {
    return this.#serving;
  }

  /** Python: `server.sockets`: the listening sockets (none once closed). */
  get sockets(): readonly ListeningSocket[] {
    const socks = this.#sockets === null ? [] : [...this.#sockets];
    // Python's is a tuple: `()` once closed.
    const tuple = () =>
      `(${socks.map((x) => pyRepr(x)).join(", ")}${socks.length === 1 ? "," : ""})`;
    Object.defineProperty(socks, PY_REPR, { value: tuple });
    return Object.freeze(socks);
  }

  _attach(): void {
    this.#activeCount += 1;
  }

  _detach(): void {
    this.#activeCount -= 1;
    if (this.#activeCount === 0 && this.#sockets === null) this.#wakeup();
  }

  #wakeup(): void {
    const waiters = this.#waiters;
    this.#waiters = null;
    // Not `set_result(waiter)` as 3.11 has it: a future resolved with itself never settles an `await`.
    for (const w of waiters ?? []) if (!w.done()) w.setResult(null);
  }

  _startServing(): void {
    if (this.#serving) return;
    this.#serving = true;
  }

  _accepts(): boolean {
    return this.#serving && this.#sockets !== null;
  }

  _isClosed(): boolean {
    return this.#sockets === null;
  }

  /**
   * Stop listening; connections already accepted stay open. Python: `server.close()`.
   * @example
   * server.close();
   * await server.waitClosed();
   */
  close(): void {
    if (this.#sockets === null) return;
    this.#sockets = null;
    this.#serving = false;
    const fut = this.#servingForeverFut;
    if (fut !== null && !fut.done()) {
      fut.cancel();
      this.#servingForeverFut = null;
    }
    if (this.#activeCount === 0) this.#wakeup();
  }

  /**
   * Start accepting, if `startServer` was told not to. Python: `await server.start_serving()`.
   * @example
   * await server.startServing();
   */
  async startServing(): Promise<void> {
    this._startServing();
    await sleep(0);
  }

  /**
   * Accept connections until cancelled; cancelling it closes the server. Python:
   * `await server.serve_forever()`.
   * @example
   * const serving = asyncio.createTask(() => server.serveForever());
   * await asyncio.sleep(5);
   * serving.cancel();
   */
  async serveForever(): Promise<void> {
    if (this.#servingForeverFut !== null)
      throw new RuntimeError(`server ${this} is already being awaited on serve_forever()`);
    if (this.#sockets === null) throw new RuntimeError(`server ${this} is closed`);
    this._startServing();
    const fut = this.#loop.createFuture();
    this.#servingForeverFut = fut;
    try {
      await fut;
    } catch (e) {
      if (e instanceof CancelledError) {
        try {
          this.close();
          await this.waitClosed();
        } finally {
          // biome-ignore lint/correctness/noUnsafeFinally: Python's `finally: raise`
          throw e;
        }
      }
      throw e;
    } finally {
      this.#servingForeverFut = null;
    }
  }

  /**
   * Wait until the server is closed and, since Python 3.12, every connection it accepted is
   * dropped (3.11 returns at once if it is closed already). Python: `await server.wait_closed()`.
   * @example
   * server.close();
   * await server.waitClosed();
   */
  async waitClosed(): Promise<void> {
    if (this.#waiters === null) return;
    if (this.#sockets === null && !since("serverWaitClosedWaitsForConnections")) return;
    const waiter = this.#loop.createFuture();
    this.#waiters.push(waiter);
    await waiter;
  }

  /** Python: `async with server:` leaves by `close()` then `await wait_closed()`. */
  async [Symbol.asyncDispose](): Promise<void> {
    this.close();
    await this.waitClosed();
  }

  toString(): string {
    const socks = this.sockets.map((s) => `('${s.getsockname()[0]}', ${s.getsockname()[1]})`);
    return `<Server sockets=(${socks.join(", ")}${socks.length === 1 ? "," : ""})>`;
  }
}
