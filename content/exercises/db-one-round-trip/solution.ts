import * as asyncio from "asyncio";
import * as asyncpg from "asyncpg";

const INSERT = "INSERT INTO events (kind, n) VALUES ($1, $2)";
const EVENTS = Array.from({ length: 40 }, (_, i) => ["click", i]);

async function main() {
  const loop = asyncio.getRunningLoop();
  const conn = await asyncpg.connect("postgresql://localhost/app");
  await conn.execute("CREATE TABLE events (id SERIAL PRIMARY KEY, kind TEXT, n INT)");

  const start = loop.time();
  // All or nothing, and one round trip for the 40 rows.
  await conn.transaction(async () => {
    await conn.executemany(INSERT, EVENTS);
  });
  print(`saved in ${(loop.time() - start).toFixed(2)}s`);

  print(`${await conn.fetchval("SELECT COUNT(*) FROM events")} rows`);
  await conn.close();
}

asyncio.run(main);
