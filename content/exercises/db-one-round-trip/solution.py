import asyncio

import asyncpg

INSERT = "INSERT INTO events (kind, n) VALUES ($1, $2)"
EVENTS = [("click", i) for i in range(40)]


async def main():
    loop = asyncio.get_running_loop()
    conn = await asyncpg.connect("postgresql://localhost/app")
    await conn.execute("CREATE TABLE events (id SERIAL PRIMARY KEY, kind TEXT, n INT)")

    start = loop.time()
    # All or nothing, and one round trip for the 40 rows.
    async with conn.transaction():
        await conn.executemany(INSERT, EVENTS)
    print(f"saved in {loop.time() - start:.2f}s")

    print(f"{await conn.fetchval('SELECT COUNT(*) FROM events')} rows")
    await conn.close()


asyncio.run(main())
