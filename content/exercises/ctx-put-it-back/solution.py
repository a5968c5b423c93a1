import asyncio
from contextvars import ContextVar

user = ContextVar("user", default="system")


def log(message):
    print(f"{user.get()}: {message}")


class Refused(Exception):
    pass


async def run_as(name, job):
    token = user.set(name)
    try:
        log(f"starting {job.__name__}")
        await job()
    finally:
        user.reset(token)


async def backup():
    await asyncio.sleep(0.2)
    log("backed up 3 tables")


async def purge():
    await asyncio.sleep(0.1)
    raise Refused("purge needs an admin")


async def main():
    await run_as("ada", backup)
    log("nightly check")
    try:
        await run_as("grace", purge)
    except Refused as e:
        log(f"refused: {e}")
    log("done")


asyncio.run(main())
