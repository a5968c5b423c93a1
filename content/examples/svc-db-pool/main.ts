import * as asyncio from "asyncio";
import * as asyncpg from "asyncpg";

async function lookup(pool: asyncpg.Pool, userId: number) {
  await using conn = await pool.acquire();
  const row = await conn.fetchrow("SELECT * FROM users WHERE id = $1", userId);
  print(`user ${userId} on connection ${conn.getServerPid()}`);
  return row!.get("name");
}

async function main() {
  const pool = await asyncpg.createPool({
    dsn: "postgresql://localhost/app",
    minSize: 2,
    maxSize: 2,
  });
  {
    await using conn = await pool.acquire();
    await conn.execute("CREATE TABLE users (id SERIAL PRIMARY KEY, name TEXT, email TEXT UNIQUE)");
    await conn.transaction(async () => {
      for (const name of ["Alice", "Bob", "Charlie", "Dana"]) {
        await conn.execute(
          "INSERT INTO users (name, email) VALUES ($1, $2)",
          name,
          `${name.toLowerCase()}@example.com`,
        );
      }
    });
    try {
      await conn.transaction(async () => {
        await conn.execute(
          "INSERT INTO users (name, email) VALUES ($1, $2)",
          "Eve",
          "eve@example.com",
        );
        await conn.execute(
          "INSERT INTO users (name, email) VALUES ($1, $2)",
          "Bob2",
          "bob@example.com",
        );
      });
    } catch (e) {
      if (!(e instanceof asyncpg.UniqueViolationError)) throw e;
      print(`rolled back: ${e.message}`);
    }
    print(await conn.fetchval("SELECT COUNT(*) FROM users"));
  }
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const names = await asyncio.gather(...[1, 2, 3, 4].map((i) => () => lookup(pool, i)));
  print(names, `in ${(loop.time() - start).toFixed(2)}s with 2 connections`);
  await pool.close();
}

asyncio.run(main);
