import asyncio

import aiohttp
import simulated

simulated.http(latency=0.1, jitter=0.2, seed=1)  # not at home

URL = "https://httpbin.test/post"
in_flight = peak = 0


async def one_request(session, sem, client):
    global in_flight, peak
    loop = asyncio.get_running_loop()
    queued = loop.time()
    async with sem:  # wait here for one of the 4 slots
        in_flight += 1
        peak = max(peak, in_flight)
        start = loop.time()
        async with session.post(URL, json={"client": client}) as r:
            await r.read()
        in_flight -= 1
    end = loop.time()
    return end - start, end - queued


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    sem = asyncio.Semaphore(4)
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(
            *(one_request(session, sem, c) for c in range(20))
        )
    latency = sum(r[0] for r in results) / len(results)
    waited = sum(r[1] for r in results) / len(results)
    print(f"at most {peak} in flight")
    print(f"avg latency {latency:.3f}s (the server)")
    print(f"avg time {waited:.3f}s (with the queue)")
    print(f"20 requests in {loop.time() - start:.3f}s")


asyncio.run(main())
