import asyncio


async def fetch(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    if fail:
        raise ConnectionError(f"{name}: connection reset")
    print(f"{name}: done")
    return f"{name} data"


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("users", 1))
            tg.create_task(fetch("orders", 0.5, fail=True))
            tg.create_task(fetch("stock", 2))
        print("never printed")
    except* ConnectionError as group:
        print(f"caught {group!r}")
        for exc in group.exceptions:
            print("  failed:", exc)


asyncio.run(main())
