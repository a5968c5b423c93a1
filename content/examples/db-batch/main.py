import asyncio

import asyncpg

DSN = "postgresql://user:password@localhost/app"
INSERT = "INSERT INTO users (name) VALUES ($1)"
NAMES = [f"user{i}" for i in range(50)]


async def main():
    pool = await asyncpg.create_pool(
        DSN, min_size=1, max_size=1
    )
    loop = asyncio.get_running_loop()
    async with pool.acquire() as conn:
        await conn.execute(
            "CREATE TABLE users"
            " (id SERIAL PRIMARY KEY, name TEXT)"
        )

        start = loop.time()
        for name in NAMES:
            await conn.execute(INSERT, name)
        took = loop.time() - start
        print(f"one by one: {took:.2f}s")

        start = loop.time()
        async with conn.transaction():
            for name in NAMES:
                await conn.execute(INSERT, name)
        took = loop.time() - start
        print(f"loop in a transaction: {took:.2f}s")

        start = loop.time()
        async with conn.transaction():
            await conn.executemany(
                INSERT, [(n,) for n in NAMES]
            )
        took = loop.time() - start
        print(f"executemany: {took:.2f}s")

        n = await conn.fetchval(
            "SELECT COUNT(*) FROM users"
        )
        print(f"{n} rows")
    await pool.close()


asyncio.run(main())
