import asyncio

import aiohttp


async def main():
    session = aiohttp.ClientSession()
    url = "https://httpbin.test/get"
    async with session.get(url) as resp:
        print("status", resp.status)

    session.close()  # wrong: builds a coroutine, never runs it
    print("closed?", session.closed)

    await session.close()  # right
    print("closed?", session.closed)


asyncio.run(main())
