import asyncio

import asyncpg

DSN = "postgresql://user:password@localhost/app"


async def balance(conn, name):
    return await conn.fetchval(
        "SELECT balance FROM accounts"
        " WHERE name = $1", name,
    )


async def set_balance(conn, name, amount):
    await conn.execute(
        "UPDATE accounts SET balance = $1"
        " WHERE name = $2", amount, name,
    )


async def transfer(conn, src, dst, amount):
    async with conn.transaction():
        to = await balance(conn, dst)
        await set_balance(conn, dst, to + amount)
        left = await balance(conn, src)
        if left < amount:
            raise ValueError(f"{src} has only {left}")
        await set_balance(conn, src, left - amount)


async def show(conn):
    rows = await conn.fetch(
        "SELECT * FROM accounts ORDER BY name"
    )
    print(", ".join(
        f"{r['name']} {r['balance']}" for r in rows
    ))


async def main():
    conn = await asyncpg.connect(DSN)
    await conn.execute(
        "CREATE TABLE accounts"
        " (name TEXT PRIMARY KEY, balance INT)"
    )
    await conn.execute(
        "INSERT INTO accounts (name, balance)"
        " VALUES ('alice', 100), ('bob', 50)"
    )
    await transfer(conn, "alice", "bob", 30)
    await show(conn)
    try:
        await transfer(conn, "bob", "alice", 500)
    except ValueError as e:
        print(f"rolled back: {e}")
    await show(conn)
    await conn.close()


asyncio.run(main())
