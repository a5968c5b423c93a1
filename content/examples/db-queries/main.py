import asyncio

import asyncpg

DSN = "postgresql://user:password@localhost/app"


async def main():
    pool = await asyncpg.create_pool(
        DSN, min_size=2, max_size=5
    )
    async with pool.acquire() as conn:
        await conn.execute(
            "CREATE TABLE users (id SERIAL PRIMARY KEY,"
            " name TEXT, email TEXT UNIQUE)"
        )
        # execute: no rows back, only a status
        status = await conn.execute(
            "INSERT INTO users (name, email)"
            " VALUES ($1, $2)",
            "Alice", "alice@example.com",
        )
        print(status)
        # fetchrow: one row (or None)
        row = await conn.fetchrow(
            "INSERT INTO users (name, email)"
            " VALUES ($1, $2) RETURNING *",
            "Bob", "bob@example.com",
        )
        print(row)
        print(dict(row))
        # fetch: a list of rows
        rows = await conn.fetch(
            "SELECT id, name FROM users ORDER BY id"
        )
        print([r["name"] for r in rows])
        # fetchval: one value
        n = await conn.fetchval(
            "SELECT COUNT(*) FROM users"
        )
        print(f"{n} users")
    await pool.close()


asyncio.run(main())
