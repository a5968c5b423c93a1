import * as asyncio from "asyncio";
import * as asyncpg from "asyncpg";

const DSN = "postgresql://user:password@localhost/app";
const INSERT = "INSERT INTO users (name) VALUES ($1)";
const NAMES = Array.from({ length: 50 }, (_, i) => `user${i}`);

async function main() {
  const pool = await asyncpg.createPool({
    dsn: DSN,
    minSize: 1,
    maxSize: 1,
  });
  const loop = asyncio.getRunningLoop();
  {
    await using conn = await pool.acquire();
    await conn.execute(`CREATE TABLE users
         (id SERIAL PRIMARY KEY, name TEXT)`);

    let start = loop.time();
    for (const name of NAMES) {
      await conn.execute(INSERT, name);
    }
    let took = loop.time() - start;
    print(`one by one: ${took.toFixed(2)}s`);

    start = loop.time();
    await conn.transaction(async () => {
      for (const name of NAMES) {
        await conn.execute(INSERT, name);
      }
    });
    took = loop.time() - start;
    print(`loop in a transaction: ${took.toFixed(2)}s`);

    start = loop.time();
    await conn.transaction(async () => {
      await conn.executemany(
        INSERT,
        NAMES.map((n) => [n]),
      );
    });
    took = loop.time() - start;
    print(`executemany: ${took.toFixed(2)}s`);

    const n = await conn.fetchval("SELECT COUNT(*) FROM users");
    print(`${n} rows`);
  }
  await pool.close();
}

asyncio.run(main);
