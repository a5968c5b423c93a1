import asyncio


class CircuitOpenError(Exception):
    pass


class CircuitBreaker:
    """After `threshold` failures in a row, fail fast for `cooldown` s."""

    def __init__(self, threshold=3, cooldown=1.0):
        self.threshold = threshold
        self.cooldown = cooldown
        self.failures = 0
        self.opened_at = None  # None: closed, calls go through

    async def call(self, func, *args):
        now = asyncio.get_running_loop().time()
        if self.opened_at is not None:
            if now - self.opened_at < self.cooldown:
                raise CircuitOpenError("open: not even trying")
            print("half-open: one trial call")
        try:
            result = await func(*args)
        except Exception:
            self.failures += 1
            if self.failures >= self.threshold:
                self.opened_at = asyncio.get_running_loop().time()
            raise
        self.failures = 0
        self.opened_at = None  # closed again
        return result


class Inventory:
    """A service that is down for its first 3.4 s."""

    def __init__(self):
        self.up_at = asyncio.get_running_loop().time() + 3.4

    async def stock(self, item):
        started = asyncio.get_running_loop().time()
        await asyncio.sleep(0.2)
        if started < self.up_at:
            raise ConnectionError("inventory down")
        return f"{item}: 7 in stock"


async def main():
    service = Inventory()
    breaker = CircuitBreaker(threshold=3, cooldown=1.0)
    for _ in range(12):
        try:
            print(await breaker.call(service.stock, "apples"))
        except CircuitOpenError as e:
            print(e)
        except ConnectionError as e:
            print(f"failed: {e}")
        await asyncio.sleep(0.3)


asyncio.run(main())
