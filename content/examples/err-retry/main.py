import asyncio
import random

random.seed(42)  # the same jitter on every run, and in the TypeScript version

# The network: what each URL answers on each try ("reset": the connection
# drops; "hang": no answer at all), the last entry repeating.
PLANS = {
    "http://api/flaky": [503, 503, 200],
    "http://api/status/500": [500],
    "http://api/status/404": [404],
    "http://api/reset-once": ["reset", 200],
    "http://api/hang-once": ["hang", 200],
}


class ClientError(Exception):
    """Stands in for aiohttp.ClientError."""


class FakeSession:
    """Stands in for aiohttp.ClientSession: get() answers after 0.1 s."""

    def __init__(self):
        self.tries = {url: 0 for url in PLANS}

    async def get(self, url, timeout):
        plan = PLANS[url]
        answer = plan[min(self.tries[url], len(plan) - 1)]
        self.tries[url] += 1
        async with asyncio.timeout(timeout):
            await asyncio.sleep(60 if answer == "hang" else 0.1)
        if answer == "reset":
            raise ClientError("connection reset")
        return answer, "x" * 100

    async def close(self):
        await asyncio.sleep(0)


class RobustHttpClient:
    def __init__(self, max_retries=3, base_delay=1.0):
        self.max_retries = max_retries
        self.base_delay = base_delay
        self.session = None

    async def create_session(self):
        self.session = FakeSession()

    async def close_session(self):
        if self.session:
            await self.session.close()

    async def fetch_with_retry(self, url):
        path = url.removeprefix("http://api")
        for attempt in range(self.max_retries + 1):
            try:
                status, content = await self.session.get(url, timeout=1)
                if status == 200:
                    return {"status": status, "attempt": attempt + 1}
                elif status >= 500:  # a server error: try again
                    error = f"HTTP {status}"
                else:  # a client error: trying again will not help
                    return {"status": status, "attempt": attempt + 1}
            except (ClientError, TimeoutError) as e:  # the network: try again
                error = type(e).__name__
            except Exception as e:  # anything else is a bug: do not retry
                return {"error": repr(e), "attempt": attempt + 1}
            if attempt < self.max_retries:
                delay = self.base_delay * (2**attempt) + random.uniform(0, 1)
                print(f"{path}: {error}, retry in {delay:.2f}s")
                await asyncio.sleep(delay)
        return {"error": error, "attempt": attempt + 1}


async def retry_example():
    client = RobustHttpClient(max_retries=3, base_delay=0.5)
    try:
        await client.create_session()
        tasks = [client.fetch_with_retry(url) for url in PLANS]
        results = await asyncio.gather(*tasks)
        for url, result in zip(PLANS, results):
            print(url.removeprefix("http://api"), result)
    finally:
        await client.close_session()


asyncio.run(retry_example())
