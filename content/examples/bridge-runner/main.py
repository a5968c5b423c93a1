import asyncio
import contextvars
import time

user = contextvars.ContextVar("user", default="nobody")


async def log_in(name):
    await asyncio.sleep(0.2)  # the server checks the password
    user.set(name)
    asyncio.create_task(keep_alive())
    print(f"logged in as {name}")


async def keep_alive():
    while True:
        await asyncio.sleep(0.5)
        print("keep-alive ping")


async def fetch(item):
    await asyncio.sleep(0.4)
    return f"{item} of {user.get()}"


def main():  # a plain, synchronous program: a script, a CLI, a Flask view
    with asyncio.Runner() as runner:
        runner.run(log_in("ada"))
        print("got", runner.run(fetch("inbox")))
        time.sleep(1)  # synchronous work: the loop is not running now
        print("got", runner.run(fetch("calendar")))


main()
