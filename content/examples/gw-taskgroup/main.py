import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    print(f"{name}: done")
    return f"{name} data"


async def main():
    async with asyncio.TaskGroup() as tg:
        users = tg.create_task(fetch("users", 1))
        orders = tg.create_task(fetch("orders", 2))
        print("both started; the block waits for them")
    # Leaving the block means every task in the group is done.
    print(users.result(), "+", orders.result())


asyncio.run(main())
