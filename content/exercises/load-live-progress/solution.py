import asyncio

done = 0


async def request(sem):
    global done
    async with sem:
        await asyncio.sleep(0.35)  # the request
        done += 1


async def reporter():
    while True:
        await asyncio.sleep(0.5)
        print(f"progress: {done} done")


async def main():
    sem = asyncio.Semaphore(2)
    progress = asyncio.create_task(reporter())
    await asyncio.gather(*(request(sem) for _ in range(16)))
    progress.cancel()
    print(f"done {done}")


asyncio.run(main())
