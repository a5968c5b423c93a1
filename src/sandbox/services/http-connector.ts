/**
 * `TCPConnector`: the pool of connections a session opens, bounded in total (`limit`) and per
 * host (`limitPerHost`); 0 means unbounded. A request that finds no free connection waits,
 * first come first served, on a future the timeline shows as "TCPConnector"; a released
 * connection goes to the first waiter it can serve.
 */
import { CancelledError, Future, getRunningLoop } from "../../runtime/asyncio/index.ts";

/** Options of `TCPConnector`. Python: `aiohttp.TCPConnector(limit=100, limit_per_host=0)`. */
export interface TCPConnectorOptions {
  limit?: number;
  limitPerHost?: number;
}

/** A held connection: give it back with `release()` (once). */
export interface Connection {
  readonly key: string;
  release(): void;
}

interface Waiter {
  key: string;
  fut: Future<void>;
}

/**
 * A connection pool. Python: `aiohttp.TCPConnector(limit=100, limit_per_host=0)`.
 * @example
 * const connector = new aiohttp.TCPConnector({ limit: 2 });
 * await using session = new aiohttp.ClientSession({ connector }); // at most 2 requests at once
 */
export class TCPConnector {
  readonly limit: number;
  readonly limitPerHost: number;
  #total = 0;
  readonly #perHost = new Map<string, number>();
  readonly #waiters: Waiter[] = [];
  closed = false;

  constructor(options: TCPConnectorOptions = {}) {
    this.limit = options.limit ?? 100;
    this.limitPerHost = options.limitPerHost ?? 0;
  }

  #free(key: string): boolean {
    if (this.limit > 0 && this.#total >= this.limit) return false;
    return !(this.limitPerHost > 0 && (this.#perHost.get(key) ?? 0) >= this.limitPerHost);
  }

  #reserve(key: string): void {
    this.#total += 1;
    this.#perHost.set(key, (this.#perHost.get(key) ?? 0) + 1);
  }

  /** The handle of a reserved slot. */
  #handle(key: string): Connection {
    let held = true;
    return {
      key,
      release: () => {
        if (!held) return;
        held = false;
        this.#total -= 1;
        this.#perHost.set(key, (this.#perHost.get(key) ?? 1) - 1);
        this.#wakeWaiters();
      },
    };
  }

  /** Connections in use now. */
  get inUse(): number {
    return this.#total;
  }

  /** Take a connection to `key` ("host:port"), waiting for one if the limits are reached. */
  async acquire(key: string): Promise<Connection> {
    if (this.#free(key)) {
      this.#reserve(key);
      return this.#handle(key);
    }
    const fut = new Future<void>({ loop: getRunningLoop(), label: "TCPConnector" });
    const w: Waiter = { key, fut };
    this.#waiters.push(w);
    try {
      await fut;
    } catch (e) {
      const i = this.#waiters.indexOf(w);
      if (i >= 0) this.#waiters.splice(i, 1);
      // Granted, then cancelled before it could run: hand the slot on.
      if (e instanceof CancelledError && fut.done() && !fut.cancelled())
        this.#handle(key).release();
      throw e;
    }
    return this.#handle(key);
  }

  /** Hand free slots to waiters in arrival order (reserved now, so no later caller takes them). */
  #wakeWaiters(): void {
    for (const w of this.#waiters.slice()) {
      if (w.fut.done()) continue;
      if (this.limit > 0 && this.#total >= this.limit) break;
      if (!this.#free(w.key)) continue;
      this.#reserve(w.key);
      this.#waiters.splice(this.#waiters.indexOf(w), 1);
      w.fut.setResult(undefined);
    }
  }

  /** Close the pool. Python: `await connector.close()`. @example await connector.close(); */
  async close(): Promise<void> {
    this.closed = true;
  }
}
