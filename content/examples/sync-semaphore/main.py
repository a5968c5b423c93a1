import asyncio

SIZES = {1: 1.0, 2: 0.4, 3: 1.5, 4: 0.8, 5: 0.9, 6: 0.5, 7: 0.7}


async def download(sem, n):
    async with sem:  # wait for one of the three slots
        print(f"file {n}: start")
        await asyncio.sleep(SIZES[n])
        print(f"file {n}: done")
    # leaving the block gave the slot to the next waiter


async def main():
    sem = asyncio.Semaphore(3)
    async with asyncio.TaskGroup() as tg:
        for n in SIZES:
            tg.create_task(download(sem, n))
    print("all downloaded")


asyncio.run(main())
