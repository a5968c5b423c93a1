import asyncio

import aiohttp


BASE = "https://httpbin.test"


async def fetch(session, path):
    async with session.get(BASE + path) as resp:
        text = await resp.text()
        print(f"{path}: {resp.status}, {len(text)} chars")
        return resp.status


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    paths = ["/delay/2", "/delay/1", "/uuid", "/status/404"]
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(
            *(fetch(session, p) for p in paths)
        )
    print(statuses)
    print(f"total {loop.time() - start:.2f}s")


asyncio.run(main())
