import asyncio


# An asynchronous HTTP call, like httpx.AsyncClient().get or aiohttp: it awaits the
# reply, so the loop runs the other tasks while this one waits.
async def get_async(url, seconds):
    await asyncio.sleep(seconds)
    return f"{url}: 200 OK"


async def fetch_page(url, seconds):
    reply = await get_async(url, seconds)
    return reply


async def main():
    lines = await asyncio.gather(
        fetch_page("a.example", 1),
        fetch_page("b.example", 1),
        fetch_page("c.example", 1),
    )
    for line in lines:
        print(line)


asyncio.run(main())
