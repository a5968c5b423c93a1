import asyncio

import aiohttp
import simulated

simulated.http(latency=0.1, jitter=0.2, seed=1)  # not at home

URL = "https://httpbin.test/post"


async def one_request(session, client):
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with session.post(URL, json={"client": client}) as resp:
        await resp.read()
    return loop.time() - start


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with aiohttp.ClientSession() as session:
        latencies = await asyncio.gather(
            *(one_request(session, c) for c in range(10))
        )
    total = loop.time() - start
    print(" ".join(f"{x:.2f}" for x in latencies))
    avg = sum(latencies) / len(latencies)
    print(f"min {min(latencies):.3f}s  avg {avg:.3f}s", end="")
    print(f"  max {max(latencies):.3f}s")
    rate = len(latencies) / total
    print(f"10 requests in {total:.3f}s: {rate:.1f} req/s")


asyncio.run(main())
