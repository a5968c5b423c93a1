import asyncio

import aiohttp


# Each page takes a second on the server.
async def fetch_page(session, n):
    async with session.get(f"https://httpbin.test/delay/1?page={n}") as resp:
        print(f"page {n}: {resp.status}")
        return resp.status


async def main():
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(*(fetch_page(session, n) for n in [1, 2, 3]))
        print(f"got {len(statuses)} pages")


asyncio.run(main())
