import asyncio

import asyncpg

DSN = "postgresql://user:password@localhost/app"


async def report(pool, n):
    loop = asyncio.get_running_loop()
    asked = loop.time()
    async with pool.acquire() as conn:
        waited = loop.time() - asked
        pid = conn.get_server_pid()
        print(f"report {n}: conn {pid},"
              f" waited {waited:.2f}s")
        # a slow query: half a second
        await conn.execute("SELECT pg_sleep(0.5)")


async def main():
    pool = await asyncpg.create_pool(
        DSN, min_size=3, max_size=3
    )
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.gather(
        *(report(pool, n) for n in range(1, 7))
    )
    took = loop.time() - start
    print(f"6 reports in {took:.2f}s")
    await pool.close()


asyncio.run(main())
