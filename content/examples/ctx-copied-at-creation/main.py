import asyncio
from contextvars import ContextVar

user = ContextVar("user", default="nobody")


async def child():
    print(f"child starts as {user.get()}")
    user.set("child")
    await asyncio.sleep(0.1)
    print(f"child ends as {user.get()}")


async def log_in(name):
    user.set(name)


async def main():
    user.set("ada")
    task = asyncio.create_task(child())
    user.set("grace")
    await task
    print(f"main after the task: {user.get()}")
    await log_in("alan")
    print(f"main after log_in: {user.get()}")


asyncio.run(main())
