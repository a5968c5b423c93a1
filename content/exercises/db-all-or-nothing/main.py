import asyncio

import asyncpg


async def balance(conn, name):
    return await conn.fetchval("SELECT balance FROM accounts WHERE name = $1", name)


async def set_balance(conn, name, amount):
    await conn.execute("UPDATE accounts SET balance = $1 WHERE name = $2", amount, name)


# Credits first, then finds out the money is not there:
# the credit has already been written.
async def transfer(conn, src, dst, amount):
    to = await balance(conn, dst)
    await set_balance(conn, dst, to + amount)
    left = await balance(conn, src)
    if left < amount:
        raise ValueError(f"{src} has only {left}")
    await set_balance(conn, src, left - amount)


async def total(conn):
    rows = await conn.fetch("SELECT balance FROM accounts")
    print(f"total {sum(r['balance'] for r in rows)}")


async def main():
    conn = await asyncpg.connect("postgresql://localhost/bank")
    await conn.execute("CREATE TABLE accounts (name TEXT PRIMARY KEY, balance INT)")
    await conn.execute("INSERT INTO accounts (name, balance) VALUES ('alice', 100), ('bob', 50)")
    await total(conn)
    for src, dst, amount in [("alice", "bob", 30), ("bob", "alice", 500)]:
        try:
            await transfer(conn, src, dst, amount)
            print(f"{src} -> {dst}: {amount} moved")
        except Exception as e:
            print(f"{src} -> {dst}: failed, {e}")
    await total(conn)
    await conn.close()


asyncio.run(main())
