import asyncio


async def worker(sem, name):
    async with sem:
        print(f"{name} in")
        await asyncio.sleep(1)
        print(f"{name} out")


async def main():
    for kind in (asyncio.Semaphore, asyncio.BoundedSemaphore):
        sem = kind(1)  # one worker at a time
        try:
            sem.release()  # a bug: a release with no acquire
            print(f"{kind.__name__}: extra release accepted")
        except ValueError as e:
            print(f"{kind.__name__}: {e}")
        await asyncio.gather(worker(sem, "a"), worker(sem, "b"))


asyncio.run(main())
