import asyncio
import contextvars

user = contextvars.ContextVar("user", default="nobody")


async def log_in(name):
    user.set(name)
    print(f"logged in as {name}")


async def show(item):
    await asyncio.sleep(0.3)  # the request
    print(f"{item} of {user.get()}")


def main():  # a synchronous program
    asyncio.run(log_in("ada"))
    asyncio.run(show("inbox"))


main()
