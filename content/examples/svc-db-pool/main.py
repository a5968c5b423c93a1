import asyncio

import asyncpg


async def lookup(pool, user_id):
    async with pool.acquire() as conn:
        row = await conn.fetchrow("SELECT * FROM users WHERE id = $1", user_id)
        print(f"user {user_id} on connection {conn.get_server_pid()}")
        return row["name"]


async def main():
    pool = await asyncpg.create_pool("postgresql://localhost/app", min_size=2, max_size=2)
    async with pool.acquire() as conn:
        await conn.execute("CREATE TABLE users (id SERIAL PRIMARY KEY, name TEXT, email TEXT UNIQUE)")
        async with conn.transaction():
            for name in ["Alice", "Bob", "Charlie", "Dana"]:
                await conn.execute(
                    "INSERT INTO users (name, email) VALUES ($1, $2)", name, f"{name.lower()}@example.com"
                )
        try:
            async with conn.transaction():
                await conn.execute("INSERT INTO users (name, email) VALUES ($1, $2)", "Eve", "eve@example.com")
                await conn.execute("INSERT INTO users (name, email) VALUES ($1, $2)", "Bob2", "bob@example.com")
        except asyncpg.UniqueViolationError as e:
            print(f"rolled back: {e}")
        print(await conn.fetchval("SELECT COUNT(*) FROM users"))
    loop = asyncio.get_running_loop()
    start = loop.time()
    names = await asyncio.gather(*(lookup(pool, i) for i in range(1, 5)))
    print(names, f"in {loop.time() - start:.2f}s with 2 connections")
    await pool.close()


asyncio.run(main())
