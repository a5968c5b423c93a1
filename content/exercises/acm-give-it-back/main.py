import asyncio


# A pool of two database connections.
class Pool:
    def __init__(self):
        self.free = 2

    async def acquire(self, job):
        await asyncio.sleep(0.1)  # connecting
        self.free -= 1
        print(f"{job}: took a connection ({self.free} free)")

    def release(self, job):
        self.free += 1
        print(f"{job}: gave it back ({self.free} free)")


async def job(pool, name, fails):
    await pool.acquire(name)
    await asyncio.sleep(0.5)  # the query
    if fails:
        raise ValueError(f"{name} hit a bad row")
    pool.release(name)


async def main():
    pool = Pool()
    for name, fails in [("a", False), ("b", True), ("c", False)]:
        try:
            await job(pool, name, fails)
        except ValueError as e:
            print(f"main: {e}")
    print(f"free at the end: {pool.free}")


asyncio.run(main())
