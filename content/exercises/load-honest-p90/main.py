import asyncio

# How long the server takes for each of the ten requests.
SERVER = [0.12, 0.31, 0.18, 0.25, 0.44, 0.15, 0.22, 0.9, 0.28, 0.19]


async def request(sem, seconds):
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with sem:
        await asyncio.sleep(seconds)  # the request
        return loop.time() - start


def p90(values):
    ordered = sorted(values)
    return ordered[int(0.9 * len(ordered))]


async def main():
    sem = asyncio.Semaphore(2)
    latencies = await asyncio.gather(*(request(sem, s) for s in SERVER))
    print(f"p90 {p90(latencies):.3f}s")


asyncio.run(main())
