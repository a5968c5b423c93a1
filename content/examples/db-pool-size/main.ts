import * as asyncio from "asyncio";
import * as asyncpg from "asyncpg";

const DSN = "postgresql://user:password@localhost/app";

async function report(pool: asyncpg.Pool, n: number) {
  const loop = asyncio.getRunningLoop();
  const asked = loop.time();
  await using conn = await pool.acquire();
  const waited = loop.time() - asked;
  const pid = conn.getServerPid();
  const w = waited.toFixed(2);
  print(`report ${n}: conn ${pid}, waited ${w}s`);
  // a slow query: half a second
  await conn.execute("SELECT pg_sleep(0.5)");
}

async function main() {
  const pool = await asyncpg.createPool({
    dsn: DSN,
    minSize: 3,
    maxSize: 3,
  });
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const ns = [1, 2, 3, 4, 5, 6];
  await asyncio.gather(...ns.map((n) => () => report(pool, n)));
  const took = loop.time() - start;
  print(`6 reports in ${took.toFixed(2)}s`);
  await pool.close();
}

asyncio.run(main);
