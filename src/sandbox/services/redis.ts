/**
 * The reader module `redis`: redis-py's asyncio client (`redis.asyncio`) on a simulated server.
 * Every command is one round trip of `simulated.redis({ latency })` (default 0.01 s: half
 * out, the server applies it, half back); a pipeline sends all its commands in ONE round trip.
 * Keys expire on the loop's clock. Values come back as strings (Python: pass
 * `decode_responses=True` for the same output).
 * @example
 * import * as redis from "redis";
 * const r = redis.fromUrl("redis://localhost:6379", { decodeResponses: true });
 * await r.set("user:1", "Alice", { ex: 3600 });
 * print(await r.get("user:1")); // Alice
 */
import { getRunningLoop, Lazy, pyStr, sleep } from "../../runtime/asyncio/index.ts";
import { settings } from "./simulated.ts";

interface Entry {
  value: string;
  expiresAt: number | null;
}

const store = new Map<string, Entry>();

/** An empty server (each run starts here). */
export function _reset(): void {
  store.clear();
}

function live(key: string): Entry | undefined {
  const e = store.get(key);
  if (e && e.expiresAt !== null && getRunningLoop().time() >= e.expiresAt) {
    store.delete(key);
    return undefined;
  }
  return e;
}

/** Options of `set`. Python: `r.set(name, value, ex=None, px=None, nx=False, xx=False)`. */
export interface SetOptions {
  ex?: number;
  px?: number;
  nx?: boolean;
  xx?: boolean;
}

type Command = () => unknown;

const commands = {
  set(key: string, value: unknown, o: SetOptions = {}): Command {
    return () => {
      const exists = live(key) !== undefined;
      if ((o.nx && exists) || (o.xx && !exists)) return null;
      const now = getRunningLoop().time();
      const ttl = o.ex !== undefined ? o.ex : o.px !== undefined ? o.px / 1000 : null;
      store.set(key, { value: pyStr(value), expiresAt: ttl === null ? null : now + ttl });
      return true;
    };
  },
  get:
    (key: string): Command =>
    () =>
      live(key)?.value ?? null,
  mget:
    (keys: string[]): Command =>
    () =>
      keys.map((k) => live(k)?.value ?? null),
  delete:
    (keys: string[]): Command =>
    () =>
      keys.filter((k) => live(k) && store.delete(k)).length,
  exists:
    (keys: string[]): Command =>
    () =>
      keys.filter((k) => live(k) !== undefined).length,
  incr(key: string, amount = 1): Command {
    return () => {
      const e = live(key);
      const n = (e ? Number.parseInt(e.value, 10) : 0) + amount;
      store.set(key, { value: String(n), expiresAt: e?.expiresAt ?? null });
      return n;
    };
  },
  expire(key: string, seconds: number): Command {
    return () => {
      const e = live(key);
      if (!e) return false;
      e.expiresAt = getRunningLoop().time() + seconds;
      return true;
    };
  },
  ttl(key: string): Command {
    return () => {
      const e = live(key);
      if (!e) return -2;
      if (e.expiresAt === null) return -1;
      return Math.floor(e.expiresAt - getRunningLoop().time() + 0.5);
    };
  },
};

/** One round trip that runs `batch` on the server halfway. */
async function roundTrip(batch: Command[]): Promise<unknown[]> {
  const latency = settings.redis.latency;
  await sleep(latency / 2);
  const out = batch.map((c) => c());
  await sleep(latency / 2);
  return out;
}

const one = (c: Command) => new Lazy(async () => (await roundTrip([c]))[0]);

/**
 * Commands buffered and sent together by `execute()`. Python: `r.pipeline()`.
 * @example
 * const pipe = r.pipeline();
 * pipe.set("a", "1").set("b", "2");
 * print(await pipe.execute()); // [True, True]
 */
export class Pipeline implements AsyncDisposable {
  readonly #batch: Command[] = [];
  /** Python: `pipe.set(...)` (buffered; returns the pipeline). */
  set(key: string, value: unknown, options?: SetOptions): this {
    this.#batch.push(commands.set(key, value, options));
    return this;
  }
  /** Python: `pipe.get(key)`. */
  get(key: string): this {
    this.#batch.push(commands.get(key));
    return this;
  }
  /** Python: `pipe.mget(*keys)`. */
  mget(...keys: (string | string[])[]): this {
    this.#batch.push(commands.mget(keys.flat()));
    return this;
  }
  /** Python: `pipe.delete(*keys)`. */
  delete(...keys: string[]): this {
    this.#batch.push(commands.delete(keys));
    return this;
  }
  /** Python: `pipe.incr(key, amount=1)`. */
  incr(key: string, amount = 1): this {
    this.#batch.push(commands.incr(key, amount));
    return this;
  }
  /** Python: `pipe.expire(key, seconds)`. */
  expire(key: string, seconds: number): this {
    this.#batch.push(commands.expire(key, seconds));
    return this;
  }
  /** Send everything in one round trip; the replies in order. Python: `await pipe.execute()`. */
  execute(): Lazy<unknown[]> {
    return new Lazy(() => roundTrip(this.#batch.splice(0)));
  }
  async [Symbol.asyncDispose](): Promise<void> {
    this.#batch.length = 0;
  }
}

/**
 * A client. Python: `redis.asyncio.Redis(host="localhost", port=6379, decode_responses=True)`.
 * @example
 * const r = new redis.Redis({ decodeResponses: true });
 */
export class Redis implements AsyncDisposable {
  /** Python: `Redis(host, port, decode_responses=…)`; the options change nothing here. */
  readonly options: { host?: string; port?: number; decodeResponses?: boolean };
  constructor(options: { host?: string; port?: number; decodeResponses?: boolean } = {}) {
    this.options = options;
  }
  /** Python: `await r.set(name, value, ex=None, px=None, nx=False, xx=False)`. */
  set(key: string, value: unknown, options?: SetOptions): Lazy<unknown> {
    return one(commands.set(key, value, options));
  }
  /** Python: `await r.get(name)` (None when missing or expired). */
  get(key: string): Lazy<unknown> {
    return one(commands.get(key));
  }
  /** Python: `await r.mget(*keys)` or `r.mget([keys])`. */
  mget(...keys: (string | string[])[]): Lazy<unknown> {
    return one(commands.mget(keys.flat()));
  }
  /** Python: `await r.delete(*names)`: how many existed. */
  delete(...keys: string[]): Lazy<unknown> {
    return one(commands.delete(keys));
  }
  /** Python: `await r.exists(*names)`. */
  exists(...keys: string[]): Lazy<unknown> {
    return one(commands.exists(keys));
  }
  /** Python: `await r.incr(name, amount=1)`. */
  incr(key: string, amount = 1): Lazy<unknown> {
    return one(commands.incr(key, amount));
  }
  /** Python: `await r.expire(name, seconds)`. */
  expire(key: string, seconds: number): Lazy<unknown> {
    return one(commands.expire(key, seconds));
  }
  /** Python: `await r.ttl(name)`: seconds left, -1 without expiry, -2 when missing. */
  ttl(key: string): Lazy<unknown> {
    return one(commands.ttl(key));
  }
  /** Python: `await r.ping()`. */
  ping(): Lazy<unknown> {
    return one(() => true);
  }
  /** Python: `r.pipeline(transaction=True)`. */
  pipeline(): Pipeline {
    return new Pipeline();
  }
  /** Python: `await r.aclose()` (`close()` in older redis-py). */
  aclose(): Lazy<void> {
    return new Lazy(async () => {});
  }
  /** Python: `await r.close()`. */
  close(): Lazy<void> {
    return this.aclose();
  }
  async [Symbol.asyncDispose](): Promise<void> {
    await this.aclose();
  }
}

/**
 * A client from a URL (no connection is made until the first command).
 * Python: `redis.asyncio.from_url(url, decode_responses=True)`.
 * @example
 * const r = redis.fromUrl("redis://localhost:6379", { decodeResponses: true });
 */
export function fromUrl(_url: string, options: { decodeResponses?: boolean } = {}): Redis {
  return new Redis(options);
}
