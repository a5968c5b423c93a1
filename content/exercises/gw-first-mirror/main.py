import asyncio


# Three mirrors serve the same file; each answers after its own delay.
async def download(mirror, seconds):
    await asyncio.sleep(seconds)
    return f"{mirror}: 200 OK"


async def main():
    tasks = [
        asyncio.create_task(download("mirror-a", 1.5), name="mirror-a"),
        asyncio.create_task(download("mirror-b", 0.4), name="mirror-b"),
        asyncio.create_task(download("mirror-c", 2.0), name="mirror-c"),
    ]
    # Waits for all three, although one answer is enough.
    results = await asyncio.gather(*tasks)
    print(results[0])


asyncio.run(main())
