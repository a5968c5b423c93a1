import asyncio
import math

# How long the server takes for each of the ten requests.
SERVER = [0.12, 0.31, 0.18, 0.25, 0.44, 0.15, 0.22, 0.9, 0.28, 0.19]


async def request(sem, seconds):
    loop = asyncio.get_running_loop()
    async with sem:
        start = loop.time()  # after the wait for a slot
        await asyncio.sleep(seconds)  # the request
        return loop.time() - start


def p90(values):
    """Nearest rank: the ceil(0.9 n)-th smallest value."""
    ordered = sorted(values)
    return ordered[math.ceil(9 * len(ordered) / 10) - 1]


async def main():
    sem = asyncio.Semaphore(2)
    latencies = await asyncio.gather(*(request(sem, s) for s in SERVER))
    print(f"p90 {p90(latencies):.3f}s")


asyncio.run(main())
