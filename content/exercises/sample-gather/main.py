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
    # One after another: each download starts only when the previous one has finished.
    for name, seconds in files:
        print(await download(name, seconds))


asyncio.run(main())
