import asyncio

cache = {"alice": "Alice Liddell"}


async def lookup(user):
    print(f"looking up {user}")
    if user in cache:
        return cache[user]  # no await: done without ever suspending
    await asyncio.sleep(1)  # not cached: wait for the database
    cache[user] = user.title()
    return cache[user]


async def main():
    loop = asyncio.get_running_loop()
    try:
        loop.set_task_factory(asyncio.eager_task_factory)  # new in Python 3.12
        print("eager tasks: each one starts inside create_task")
    except AttributeError:
        print("no eager_task_factory before Python 3.12: tasks start later")
    hit = asyncio.create_task(lookup("alice"))
    miss = asyncio.create_task(lookup("bob"))
    print("both tasks created")
    print(await hit, "/", await miss)


asyncio.run(main())
