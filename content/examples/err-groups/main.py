import asyncio


async def fetch(name, delay, error=None):
    await asyncio.sleep(delay)
    if error:
        raise error
    return f"{name} ok"


def jobs():
    return [
        fetch("users", 0.5),
        fetch("orders", 0.2, ConnectionError("orders: reset")),
        fetch("prices", 0.2, ValueError("prices: bad JSON")),
        fetch("stock", 1.0),
    ]


async def main():
    # gather(return_exceptions=True): every outcome, side by side
    results = await asyncio.gather(*jobs(), return_exceptions=True)
    for result in results:
        print("gather:", repr(result))

    # TaskGroup: the first failure cancels the rest; except* sorts by type
    try:
        async with asyncio.TaskGroup() as tg:
            for job in jobs():
                tg.create_task(job)
    except* ConnectionError as group:
        for e in group.exceptions:
            print("network, will retry:", e)
    except* ValueError as group:
        for e in group.exceptions:
            print("bug, reported:", e)


asyncio.run(main())
