import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}s"


async def main():
    tasks = [
        asyncio.create_task(fetch("A", 2)),
        asyncio.create_task(fetch("B", 1)),
        asyncio.create_task(fetch("C", 3)),
    ]
    # Each item is an awaitable for "the next one to finish".
    for next_done in asyncio.as_completed(tasks):
        print("got", await next_done)


asyncio.run(main())
