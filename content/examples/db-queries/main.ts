import * as asyncio from "asyncio";
import * as asyncpg from "asyncpg";

const DSN = "postgresql://user:password@localhost/app";

async function main() {
  const pool = await asyncpg.createPool({
    dsn: DSN,
    minSize: 2,
    maxSize: 5,
  });
  {
    await using conn = await pool.acquire();
    await conn.execute(
      `CREATE TABLE users (id SERIAL PRIMARY KEY,
         name TEXT, email TEXT UNIQUE)`,
    );
    // execute: no rows back, only a status
    const status = await conn.execute(
      `INSERT INTO users (name, email)
         VALUES ($1, $2)`,
      "Alice",
      "alice@example.com",
    );
    print(status);
    // fetchrow: one row (or null)
    const row = await conn.fetchrow(
      `INSERT INTO users (name, email)
         VALUES ($1, $2) RETURNING *`,
      "Bob",
      "bob@example.com",
    );
    print(row);
    print({ ...row });
    // fetch: an array of rows
    const rows = await conn.fetch("SELECT id, name FROM users ORDER BY id");
    print(rows.map((r) => r.get("name")));
    // fetchval: one value
    const n = await conn.fetchval("SELECT COUNT(*) FROM users");
    print(`${n} users`);
  }
  await pool.close();
}

asyncio.run(main);
