import asyncio


def alive():
    return sorted(task.get_name() for task in asyncio.all_tasks())


async def fetch(delay):
    me = asyncio.current_task()
    print(f"{me.get_name()} fetching")
    await asyncio.sleep(delay)


async def main():
    print("main runs as", asyncio.current_task().get_name())
    users = asyncio.create_task(fetch(1), name="fetch-users")
    orders = asyncio.create_task(fetch(2), name="fetch-orders")
    other = asyncio.create_task(fetch(3))
    print("alive:", alive())
    await asyncio.sleep(1.5)
    print("alive:", alive())
    await asyncio.gather(users, orders, other)
    print("alive:", alive())


asyncio.run(main())
