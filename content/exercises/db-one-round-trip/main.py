import asyncio

import asyncpg

INSERT = "INSERT INTO events (kind, n) VALUES ($1, $2)"
EVENTS = [("click", i) for i in range(40)]


async def main():
    loop = asyncio.get_running_loop()
    conn = await asyncpg.connect("postgresql://localhost/app")
    await conn.execute("CREATE TABLE events (id SERIAL PRIMARY KEY, kind TEXT, n INT)")

    start = loop.time()
    # All or nothing, but 40 round trips (plus BEGIN and COMMIT).
    async with conn.transaction():
        for kind, n in EVENTS:
            await conn.execute(INSERT, kind, n)
    print(f"saved in {loop.time() - start:.2f}s")

    print(f"{await conn.fetchval('SELECT COUNT(*) FROM events')} rows")
    await conn.close()


asyncio.run(main())
