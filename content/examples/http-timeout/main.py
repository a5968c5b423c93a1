import asyncio

import aiohttp


async def fetch(session, path):
    url = "https://httpbin.test" + path
    try:
        async with session.get(url) as resp:
            await resp.read()
            print(f"{path}: {resp.status}")
    except TimeoutError:
        print(f"{path}: timed out")


async def main():
    timeout = aiohttp.ClientTimeout(total=1.5)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        await asyncio.gather(
            fetch(session, "/delay/1"),
            fetch(session, "/delay/3"),
        )
        # one request may override the session's limit
        try:
            async with session.get(
                "https://httpbin.test/delay/2", timeout=5
            ) as resp:
                print("/delay/2 with 5 s:", resp.status)
        except TimeoutError:
            print("/delay/2 with 5 s: timed out")


asyncio.run(main())
