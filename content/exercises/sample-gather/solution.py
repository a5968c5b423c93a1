import asyncio


# Each download waits on the network for a while, then returns a summary.
async def download(name, seconds):
    await asyncio.sleep(seconds)
    return f"{name} downloaded in {seconds:.1f}s"


files = [
    ("a.csv", 0.2),
    ("b.csv", 1.0),
    ("c.csv", 0.4),
    ("d.csv", 0.8),
    ("e.csv", 0.6),
]


async def main():
    # All five at once: gather wraps each coroutine in a task, and the waits overlap.
    # Its results come back in the order of its arguments, whichever task finished first.
    results = await asyncio.gather(
        *(download(name, seconds) for name, seconds in files)
    )
    for line in results:
        print(line)


asyncio.run(main())
