import asyncio

import aiohttp


# The report takes five seconds; we will not wait more than one.
async def main():
    timeout = aiohttp.ClientTimeout(total=1)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        try:
            async with session.get("https://httpbin.test/delay/5") as resp:
                print("report:", resp.status)
        except TimeoutError:
            print("gave up")


asyncio.run(main())
