import asyncio
import time


async def fetch_user(user_id):
    print(f"fetching user {user_id}")
    # stands in for a database query
    await asyncio.sleep(1)
    return {"id": user_id, "name": "Alice"}


async def fetch_orders(user):
    print(f"fetching orders of {user['name']}")
    # stands in for a slower HTTP call
    await asyncio.sleep(2)
    return ["book", "lamp"]


async def order_summary(user_id):
    user = await fetch_user(user_id)
    # needs the user first
    orders = await fetch_orders(user)
    return f"{user['name']} has {len(orders)} orders"


async def main():
    start = time.perf_counter()
    summary = await order_summary(42)
    print(summary)
    print(f"took {time.perf_counter() - start:.1f} s")


asyncio.run(main())
