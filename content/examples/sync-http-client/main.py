import asyncio

# Stands in for the network: url -> (status, seconds to answer, body length).
SERVER = {
    "http://api/delay/1": (200, 1.0, 300),
    "http://api/json": (200, 0.3, 429),
    "http://api/uuid": (200, 0.25, 53),
    "http://api/status/503": (503, 0.1, 0),
    "http://api/delay/5": (200, 5.0, 0),
}
in_flight = 0


async def fake_get(url, timeout):
    """Stands in for `session.get(url)` and `await response.text()`."""
    global in_flight
    if not url.startswith("http://"):
        raise ValueError("not a URL")
    in_flight += 1
    print(f"GET {url.removeprefix('http://api')} ({in_flight} in flight)")
    try:
        async with asyncio.timeout(timeout):
            status, seconds, length = SERVER[url]
            await asyncio.sleep(seconds)
            return status, "x" * length
    finally:
        in_flight -= 1


class AsyncHttpClient:
    def __init__(self, timeout=30, max_concurrent=100):
        self.timeout = timeout
        self.semaphore = asyncio.Semaphore(max_concurrent)

    async def fetch_with_semaphore(self, url):
        async with self.semaphore:  # at most max_concurrent requests at once
            try:
                status, _content = await fake_get(url, self.timeout)
                return {"status": status, "success": status < 400}
            except (ConnectionError, TimeoutError) as e:  # network trouble
                return {"error": type(e).__name__, "success": False}

    async def fetch_batch(self, urls):
        tasks = [self.fetch_with_semaphore(url) for url in urls]
        results = await asyncio.gather(*tasks, return_exceptions=True)
        processed = []
        for result in results:
            if isinstance(result, Exception):  # a bug, not the network
                processed.append({"error": str(result), "success": False})
            else:
                processed.append(result)
        return processed


async def main():
    client = AsyncHttpClient(timeout=2, max_concurrent=3)
    urls = list(SERVER) + ["api/json"]
    results = await client.fetch_batch(urls)
    for url, result in zip(urls, results):
        print(url.removeprefix("http://api"), result)


asyncio.run(main())
