/** asyncpg, redis and aiofiles on the virtual clock: round trips, pools, pipelines, expiry. */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as aiofiles from "../../../../src/sandbox/services/aiofiles.ts";
import * as asyncpg from "../../../../src/sandbox/services/asyncpg.ts";
import * as redis from "../../../../src/sandbox/services/redis.ts";
import * as simulated from "../../../../src/sandbox/services/simulated.ts";
import { asyncio, now, run } from "./helpers.ts";

test("a pool's size bounds how many queries run at once", async () => {
  const timeWith = async (size: number) =>
    (
      await run(async () => {
        const pool = await asyncpg.createPool({ minSize: size, maxSize: size });
        const start = asyncio.getRunningLoop().time();
        await asyncio.gather(
          ...[1, 2, 3, 4].map((i) => () => pool.fetchval("SELECT pg_sleep($1)", i / 10)),
        );
        return Math.round((asyncio.getRunningLoop().time() - start) * 1000) / 1000;
      })
    ).result;
  // Each query is a round trip (0.05 s) plus its pg_sleep; each release one more, for the reset.
  assert.equal(await timeWith(4), 0.5, "all at once: the slowest (0.4 s), its trip and its reset");
  assert.equal(
    await timeWith(1),
    1.4,
    "one after another: 0.1+0.2+0.3+0.4 plus four trips and four resets",
  );
});

test("idle connections are a stack, as asyncpg's LifoQueue: the last released is handed out first", async () => {
  const pids = (
    await run(async () => {
      const pool = await asyncpg.createPool({ minSize: 3, maxSize: 3 });
      const order: number[] = [];
      const first = await pool.acquire();
      order.push(first.getServerPid()); // 1001: the first opened is on top
      const second = await pool.acquire();
      await pool.release(first);
      await pool.release(second);
      const next = await pool.acquire();
      order.push(next.getServerPid()); // the last released
      // Three tasks wait on an empty pool; three releases at once (their resets end together)
      // wake them in order, and each, when it runs, takes the top of the stack.
      const held = [next, await pool.acquire(), await pool.acquire()];
      const got: number[] = [];
      const waiters = [1, 2, 3].map(() =>
        asyncio.createTask(async () => {
          const c = await pool.acquire();
          got.push(c.getServerPid());
        }),
      );
      await asyncio.sleep(0);
      await asyncio.gather(...held.map((c) => () => pool.release(c)));
      await asyncio.gather(...waiters);
      return [...order, ...held.map((c) => c.getServerPid()), ...got];
    })
  ).result as number[];
  assert.deepEqual(pids.slice(0, 2), [1001, 1002]);
  const held = pids.slice(2, 5);
  assert.deepEqual(pids.slice(5), [...held].reverse(), "woken in order, each takes the top");
});

test("a release resets the connection (a round trip), shielded from the releaser's cancellation", async () => {
  const out = (
    await run(async () => {
      const pool = await asyncpg.createPool({ minSize: 1, maxSize: 1 });
      const conn = await pool.acquire();
      const releaser = asyncio.createTask(() => pool.release(conn));
      await asyncio.sleep(0.01);
      releaser.cancel(); // mid-reset
      await asyncio.sleep(0);
      const start = asyncio.getRunningLoop().time();
      const again = await pool.acquire();
      return [releaser.cancelled(), again.getServerPid(), asyncio.getRunningLoop().time() - start];
    })
  ).result as [boolean, number, number];
  assert.equal(out[0], true, "the releasing task was cancelled");
  assert.equal(out[1], 1001, "the connection still went back to the pool");
  assert.ok(Math.abs(out[2] - 0.04) < 1e-9, `back once the reset ended, 0.04 s later (${out[2]})`);
});

test("a connection runs one query at a time; a transaction rolls back on error", async () => {
  const { result } = await run(async () => {
    simulated.postgres({ latency: 0.1 });
    const conn = await asyncpg.connect();
    await conn.execute("CREATE TABLE t (id SERIAL PRIMARY KEY, name TEXT UNIQUE)");
    const out: unknown[] = [];
    const b = asyncio.createTask(() => conn.execute("INSERT INTO t (name) VALUES ($1)", "b"));
    await asyncio.sleep(0); // b's query is on the wire
    try {
      await conn.execute("INSERT INTO t (name) VALUES ($1)", "a");
    } catch (e) {
      out.push((e as Error).name);
    }
    out.push(await b);
    try {
      await conn.transaction(async () => {
        await conn.execute("INSERT INTO t (name) VALUES ($1)", "c");
        await conn.execute("INSERT INTO t (name) VALUES ($1)", "b");
      });
    } catch (e) {
      out.push((e as Error).name);
    }
    out.push(asyncio.pyRepr(await conn.fetch("SELECT name FROM t ORDER BY name")));
    out.push(await conn.execute("UPDATE t SET name = $1 WHERE id = $2", "z", 1));
    out.push(asyncio.pyRepr(await conn.fetchrow("SELECT * FROM t WHERE id = 1")));
    try {
      await conn.execute("SELECT name FROM t JOIN u ON t.id = u.id");
    } catch (e) {
      out.push((e as Error).name);
    }
    out.push(now());
    return out;
  });
  assert.deepEqual(result, [
    "InterfaceError",
    "INSERT 0 1",
    "UniqueViolationError",
    "[<Record name='b'>]",
    "UPDATE 1",
    "<Record id=1 name='z'>",
    "PostgresSyntaxError",
    1.1,
  ]);
});

test("redis: one round trip per command, one per pipeline; keys expire on the loop clock", async () => {
  const { result } = await run(async () => {
    const r = redis.fromUrl("redis://localhost", { decodeResponses: true });
    const out: unknown[] = [];
    await r.set("k", "v", { ex: 2 });
    out.push(now(), await r.ttl("k"));
    const pipe = r.pipeline();
    for (let i = 0; i < 5; i++) pipe.incr("n");
    out.push(asyncio.pyRepr(await pipe.execute()), now());
    await asyncio.sleep(2);
    out.push(await r.get("k"), await r.get("n"));
    return out;
  });
  assert.deepEqual(result, [0.01, 2, "[1, 2, 3, 4, 5]", 0.03, null, "5"]);
});

test("aiofiles: each operation takes the file latency; missing files raise FileNotFoundError", async () => {
  const { result } = await run(async () => {
    const out: unknown[] = [];
    {
      await using f = await aiofiles.open("notes.txt", "w");
      await f.write("a\nb\n");
    }
    out.push(now());
    {
      await using f = await aiofiles.open("notes.txt", "a");
      await f.write("c\n");
    }
    {
      await using f = await aiofiles.open("notes.txt");
      for await (const line of f) out.push(line);
    }
    await aiofiles.open("nope.txt").then(undefined, (e: unknown) => out.push((e as Error).name));
    return out;
  });
  assert.deepEqual(result, [0.03, "a\n", "b\n", "c\n", "FileNotFoundError"]);
});
