import asyncio
import math

import aiohttp
import simulated

# Not at home: 0.1-0.3 s a request, 5% dropped, seeded.
simulated.http(latency=0.1, jitter=0.2, failure_rate=0.05, seed=7)

URL = "https://httpbin.test/post"
REQUESTS, CONCURRENCY, EVERY = 60, 4, 0.5
EDGES = [0.10, 0.15, 0.20, 0.25, 0.30]


def p90(values):
    """Nearest rank: the smallest value >= 90% of them."""
    ordered = sorted(values)
    return ordered[math.ceil(9 * len(ordered) / 10) - 1]


class Stats:
    def __init__(self):
        self.loop = asyncio.get_running_loop()
        self.start = self.loop.time()
        self.latencies = []
        self.failed = 0

    def report(self):
        xs, now = self.latencies, self.loop.time()
        done = len(xs) + self.failed
        rate = done / (now - self.start)
        print(f"{now - self.start:.1f}s {done}/{REQUESTS}"
              f" failed {self.failed} {rate:.1f} req/s")
        if xs:
            avg = sum(xs) / len(xs)
            print(f"  min {min(xs):.3f} avg {avg:.3f}"
                  f" p90 {p90(xs):.3f} max {max(xs):.3f}")
        for lo, hi in zip(EDGES, EDGES[1:]):
            n = sum(lo <= x < hi for x in xs)
            print(f"  {lo:.2f}-{hi:.2f}s {'█' * n} {n}")


async def client(session, sem, stats, i):
    async with sem:
        start = stats.loop.time()
        try:
            async with session.post(URL, json={"i": i}) as r:
                await r.read()
        except aiohttp.ClientError:
            stats.failed += 1
        else:
            stats.latencies.append(stats.loop.time() - start)


async def reporter(stats):
    while True:
        await asyncio.sleep(EVERY)
        stats.report()


async def main():
    stats = Stats()
    sem = asyncio.Semaphore(CONCURRENCY)
    progress = asyncio.create_task(reporter(stats))
    async with aiohttp.ClientSession() as session:
        await asyncio.gather(
            *(client(session, sem, stats, i)
              for i in range(REQUESTS))
        )
    progress.cancel()
    print("final report")
    stats.report()


asyncio.run(main())
