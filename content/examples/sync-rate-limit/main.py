import asyncio


class RateLimiter:
    """At most `rate` entries in any `per` seconds."""

    def __init__(self, rate, per):
        self._slots = asyncio.Semaphore(rate)
        self._per = per

    async def __aenter__(self):
        await self._slots.acquire()
        # the slot comes back `per` seconds after it was taken,
        # however quickly the request itself finishes
        loop = asyncio.get_running_loop()
        loop.call_later(self._per, self._slots.release)

    async def __aexit__(self, *exc_info):
        pass


async def call_api(limiter, n):
    async with limiter:
        print(f"request {n}")
        await asyncio.sleep(0.1)


async def main():
    limiter = RateLimiter(3, per=1.0)  # three requests a second
    async with asyncio.TaskGroup() as tg:
        for n in range(1, 9):
            tg.create_task(call_api(limiter, n))
    print("all sent")


asyncio.run(main())
