/**
 * The reader module `asyncpg`: a connection pool and connections to the simulated database
 * (pg-sql.ts says exactly which SQL it understands). Every query is one round trip of
 * `simulated.postgres({ latency })` (default 0.05 s: half out, the server runs it, half back);
 * opening a connection costs one more. A connection runs one query at a time
 * (`InterfaceError` otherwise), so the pool's size bounds how many run at once.
 * @example
 * import * as asyncpg from "asyncpg";
 * const pool = await asyncpg.createPool({ minSize: 2, maxSize: 2 });
 * await using conn = await pool.acquire();
 * print(await conn.fetchval("SELECT COUNT(*) FROM users"));
 */
import {
  Future,
  getRunningLoop,
  Lazy,
  PY_REPR,
  pyRepr,
  shield,
  sleep,
} from "../../runtime/asyncio/index.ts";
import { InterfaceError } from "./pg-errors.ts";
import { execute, type Outcome, type Row } from "./pg-sql.ts";
import { settings } from "./simulated.ts";

export * from "./pg-errors.ts";

let nextPid = 1001;

/** Connection numbers from 1001 again (each run starts here). */
export function _reset(): void {
  nextPid = 1001;
}

/**
 * A result row: columns as properties (`row.name`), `{ ...row }` is Python's `dict(row)`.
 * Python: `asyncpg.Record` (`row["name"]`, `dict(row)`), printed `<Record id=1 name='Alice'>`.
 * @example
 * const row = await conn.fetchrow("SELECT * FROM users WHERE id = $1", 1);
 * print(row); print({ ...row });
 */
export class Record {
  constructor(row: Row) {
    Object.assign(this, row);
  }
  /** Python: `record.get(key, default=None)`. */
  get(key: string, fallback: unknown = null): unknown {
    return Object.hasOwn(this, key) ? (this as Row)[key] : fallback;
  }
  [PY_REPR](): string {
    const cols = Object.entries(this).map(([k, v]) => ` ${k}=${pyRepr(v)}`);
    return `<Record${cols.join("")}>`;
  }
}

/**
 * A connection. Python: `asyncpg.Connection` (from `asyncpg.connect()` or `pool.acquire()`).
 * @example
 * await conn.execute("INSERT INTO users (name) VALUES ($1)", "Alice");
 */
export class Connection implements AsyncDisposable {
  readonly #pid = nextPid++;
  #busy = false;
  #undo: (() => void)[] | null = null;
  _pool: Pool | null = null;

  /** Python: `conn.get_server_pid()`: which connection this is. */
  getServerPid(): number {
    return this.#pid;
  }

  async #run(sql: string, args: unknown[]): Promise<Outcome> {
    if (this.#busy)
      throw new InterfaceError("cannot perform operation: another operation is in progress");
    this.#busy = true;
    try {
      const latency = settings.postgres.latency;
      await sleep(latency / 2);
      let out: Outcome;
      try {
        out = execute(sql, args);
      } catch (e) {
        await sleep(latency / 2); // the error comes back like any reply
        throw e;
      }
      if (out.undo && this.#undo) this.#undo.push(out.undo);
      if (out.sleep > 0) await sleep(out.sleep);
      await sleep(latency / 2);
      return out;
    } finally {
      this.#busy = false;
    }
  }

  /** Python: `await conn.execute(sql, *args)`: the status, e.g. `INSERT 0 1`. */
  execute(sql: string, ...args: unknown[]): Lazy<string> {
    return new Lazy(async () => (await this.#run(sql, args)).status);
  }
  /** Python: `await conn.executemany(sql, args_list)`: every tuple in one round trip. */
  executemany(sql: string, argsList: unknown[][]): Lazy<void> {
    return new Lazy(async () => {
      if (this.#busy)
        throw new InterfaceError("cannot perform operation: another operation is in progress");
      this.#busy = true;
      try {
        const latency = settings.postgres.latency;
        await sleep(latency / 2);
        try {
          for (const args of argsList) {
            const out = execute(sql, args);
            if (out.undo && this.#undo) this.#undo.push(out.undo);
          }
        } finally {
          await sleep(latency / 2);
        }
      } finally {
        this.#busy = false;
      }
    });
  }
  /** Python: `await conn.fetch(sql, *args)`: a list of Records. */
  fetch(sql: string, ...args: unknown[]): Lazy<Record[]> {
    return new Lazy(async () => (await this.#run(sql, args)).rows.map((r) => new Record(r)));
  }
  /** Python: `await conn.fetchrow(sql, *args)`: the first Record or None. */
  fetchrow(sql: string, ...args: unknown[]): Lazy<Record | null> {
    return new Lazy(async () => {
      const row = (await this.#run(sql, args)).rows[0];
      return row ? new Record(row) : null;
    });
  }
  /** Python: `await conn.fetchval(sql, *args)`: the first column of the first row. */
  fetchval(sql: string, ...args: unknown[]): Lazy<unknown> {
    return new Lazy(async () => {
      const row = (await this.#run(sql, args)).rows[0];
      return row ? Object.values(row)[0] : null;
    });
  }

  /**
   * A transaction. Python: `async with conn.transaction():` is
   * `await conn.transaction(async () => { … })` here (BEGIN, the body, then COMMIT, or
   * ROLLBACK and the error again); without a body, a `Transaction` to `start`/`commit`/`rollback`.
   * @example
   * await conn.transaction(async () => {
   *   await conn.execute("INSERT INTO users (name) VALUES ($1)", "Bob");
   * });
   */
  transaction(): Transaction;
  transaction<T>(body: () => Promise<T>): Lazy<T>;
  transaction<T>(body?: () => Promise<T>): Transaction | Lazy<T> {
    const tx = new Transaction(this);
    if (!body) return tx;
    return new Lazy(async () => {
      await tx.start();
      let result: T;
      try {
        result = await body();
      } catch (e) {
        await tx.rollback();
        throw e;
      }
      await tx.commit();
      return result;
    });
  }

  /** @internal BEGIN/COMMIT/ROLLBACK: a round trip each. */
  async _control(word: "BEGIN" | "COMMIT" | "ROLLBACK"): Promise<void> {
    const undo = this.#undo;
    if (word === "BEGIN") this.#undo = [];
    else this.#undo = null;
    await this.#run("SELECT 1", []);
    if (word === "ROLLBACK" && undo) for (const u of undo.reverse()) u();
  }

  /** Python: `await conn.close()`. */
  close(): Lazy<void> {
    return new Lazy(async () => {});
  }

  /** Back to its pool (a pooled connection), as leaving `async with pool.acquire()` does. */
  async [Symbol.asyncDispose](): Promise<void> {
    if (this._pool) await this._pool.release(this);
  }
}

/**
 * Python: `asyncpg.transaction.Transaction` (`tr = conn.transaction(); await tr.start()`).
 * @example
 * const tr = conn.transaction(); await tr.start(); … await tr.commit();
 */
export class Transaction {
  readonly #conn: Connection;
  constructor(conn: Connection) {
    this.#conn = conn;
  }
  /** BEGIN. */
  start(): Lazy<void> {
    return new Lazy(() => this.#conn._control("BEGIN"));
  }
  /** COMMIT. */
  commit(): Lazy<void> {
    return new Lazy(() => this.#conn._control("COMMIT"));
  }
  /** ROLLBACK: undo the transaction's writes. */
  rollback(): Lazy<void> {
    return new Lazy(() => this.#conn._control("ROLLBACK"));
  }
}

/** Options of `createPool`. Python: `asyncpg.create_pool(dsn=None, *, min_size=10, max_size=10)`. */
export interface PoolOptions {
  dsn?: string;
  minSize?: number;
  maxSize?: number;
}

/**
 * A pool of at most `maxSize` connections; `minSize` are opened up front, the rest on demand
 * (each costing a round trip). Python: `asyncpg.Pool`.
 * @example
 * await using conn = await pool.acquire(); // `async with pool.acquire() as conn:`
 */
export class Pool {
  readonly maxSize: number;
  // Idle connections form a stack (asyncpg keeps them in a LifoQueue): the most recently
  // released one is handed out first. A release first resets the connection (one round trip),
  // then wakes the longest-waiting acquirer, which takes the top of the stack when it runs, as
  // asyncio.LifoQueue.get() does.
  readonly #idle: Connection[] = [];
  readonly #waiters: Future<null>[] = [];
  #size = 0;
  constructor(minSize: number, maxSize: number) {
    this.maxSize = maxSize;
    const opened = Array.from({ length: minSize }, () => this.#open());
    this.#idle.push(...opened.reverse()); // the first opened (1001) on top
    this.#size = minSize;
  }
  #open(): Connection {
    const c = new Connection();
    c._pool = this;
    return c;
  }
  /** Python: `pool.get_size()`: connections opened. */
  getSize(): number {
    return this.#size;
  }
  /**
   * A connection: the most recently released idle one, else a new one (a round trip), else the
   * next one released (waiters are woken first come, first served). Python: `await pool.acquire()`.
   */
  acquire(): Lazy<Connection> {
    return new Lazy(async () => {
      while (this.#idle.length === 0) {
        if (this.#size < this.maxSize) {
          this.#size += 1;
          await sleep(settings.postgres.latency);
          return this.#open();
        }
        const fut = new Future<null>({ loop: getRunningLoop(), label: "Pool" });
        this.#waiters.push(fut);
        try {
          await fut;
        } catch (e) {
          fut.cancel();
          const at = this.#waiters.indexOf(fut);
          if (at >= 0) this.#waiters.splice(at, 1);
          if (this.#idle.length > 0 && !fut.cancelled()) this.#wakeNext();
          throw e;
        }
      }
      return this.#idle.pop()!;
    });
  }
  #wakeNext(): void {
    for (let w = this.#waiters.shift(); w; w = this.#waiters.shift()) {
      if (!w.done()) {
        w.setResult(null);
        return;
      }
    }
  }
  /**
   * Give a connection back: it is reset first (one round trip, as asyncpg's reset query), and
   * the reset is shielded, so a cancelled releaser still returns it. Python: `await pool.release(conn)`.
   */
  release(conn: Connection): Lazy<void> {
    return new Lazy(() =>
      shield(async () => {
        await sleep(settings.postgres.latency);
        this.#idle.push(conn);
        this.#wakeNext();
      }),
    );
  }
  #with<T>(f: (c: Connection) => PromiseLike<T>): Lazy<T> {
    return new Lazy(async () => {
      const c = await this.acquire();
      try {
        return await f(c);
      } finally {
        await this.release(c);
      }
    });
  }
  /** Python: `await pool.execute(sql, *args)`. */
  execute(sql: string, ...args: unknown[]): Lazy<string> {
    return this.#with((c) => c.execute(sql, ...args));
  }
  /** Python: `await pool.fetch(sql, *args)`. */
  fetch(sql: string, ...args: unknown[]): Lazy<Record[]> {
    return this.#with((c) => c.fetch(sql, ...args));
  }
  /** Python: `await pool.fetchrow(sql, *args)`. */
  fetchrow(sql: string, ...args: unknown[]): Lazy<Record | null> {
    return this.#with((c) => c.fetchrow(sql, ...args));
  }
  /** Python: `await pool.fetchval(sql, *args)`. */
  fetchval(sql: string, ...args: unknown[]): Lazy<unknown> {
    return this.#with((c) => c.fetchval(sql, ...args));
  }
  /** Python: `await pool.close()`. */
  close(): Lazy<void> {
    return new Lazy(async () => {});
  }
  async [Symbol.asyncDispose](): Promise<void> {}
}

/**
 * Open a pool (its `minSize` connections in one round trip). Python:
 * `await asyncpg.create_pool(dsn, min_size=10, max_size=10)`.
 * @example
 * const pool = await asyncpg.createPool({ dsn: "postgresql://user@localhost/db", minSize: 2, maxSize: 5 });
 */
export function createPool(options: PoolOptions = {}): Lazy<Pool> {
  return new Lazy(async () => {
    const maxSize = options.maxSize ?? 10;
    const minSize = Math.min(options.minSize ?? 10, maxSize);
    if (minSize > 0) await sleep(settings.postgres.latency);
    return new Pool(minSize, maxSize);
  });
}

/** One connection, outside any pool (a round trip). Python: `await asyncpg.connect(dsn)`. @example const conn = await asyncpg.connect("postgresql://localhost/db"); */
export function connect(_dsn?: string): Lazy<Connection> {
  return new Lazy(async () => {
    await sleep(settings.postgres.latency);
    return new Connection();
  });
}
