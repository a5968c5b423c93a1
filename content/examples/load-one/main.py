import asyncio

import aiohttp
import simulated

# At home this is your server. Here: 0.1-0.3 s per request,
# with a seeded jitter, so every run gives the same numbers.
simulated.http(latency=0.1, jitter=0.2, seed=1)

URL = "https://httpbin.test/post"


async def main():
    loop = asyncio.get_running_loop()
    async with aiohttp.ClientSession() as session:
        start = loop.time()
        async with session.post(URL, json={"id": 1}) as resp:
            body = await resp.json()
        latency = loop.time() - start
    print(f"status {resp.status}, echoed id {body['json']['id']}")
    print(f"latency {latency:.3f}s")


asyncio.run(main())
