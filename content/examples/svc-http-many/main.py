import asyncio

import aiohttp
import simulated

# Every third request or so fails; seed=3 makes it the same ones every run.
simulated.http(failure_rate=0.3, seed=3)


async def fetch_url(session, semaphore, url):
    async with semaphore:  # at most two requests at once
        print(f"start {url}")
        async with session.get(url) as response:
            text = await response.text()
            return f"{url}: {response.status}, {len(text)} chars"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    urls = [f"https://httpbin.test/delay/{n}" for n in (1, 2, 1)]
    urls += ["https://httpbin.test/uuid", "https://httpbin.test/status/404"]
    semaphore = asyncio.Semaphore(2)
    async with aiohttp.ClientSession() as session:
        tasks = [fetch_url(session, semaphore, url) for url in urls]
        results = await asyncio.gather(*tasks, return_exceptions=True)
    for result in results:
        print(repr(result) if isinstance(result, Exception) else result)
    print(f"total {loop.time() - start:.2f}s")


asyncio.run(main())
