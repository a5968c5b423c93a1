import asyncio

import aiohttp


async def fetch(session, n, url):
    async with session.get(url) as resp:
        await resp.read()
        print(f"#{n} {url.split('/')[2]} {resp.status}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    connector = aiohttp.TCPConnector(limit=3, limit_per_host=2)
    urls = ["https://httpbin.test/delay/1"] * 4
    urls += ["https://httpbin.org/delay/1"] * 2
    async with aiohttp.ClientSession(connector=connector) as session:
        async with asyncio.TaskGroup() as tg:
            for n, url in enumerate(urls, 1):
                tg.create_task(fetch(session, n, url))
    print(f"total {loop.time() - start:.2f}s")


asyncio.run(main())
