import asyncio
from contextlib import asynccontextmanager

# A stand-in for https://httpbin.org: for each path, the status,
# seconds until the headers arrive, and the body's length.
SERVER = {
    "/json": (200, 0.3, 429),
    "/uuid": (200, 0.2, 53),
    "/status/404": (404, 0.1, 0),
    "/delay/3": (200, 3.0, 270),
}


class Response:
    def __init__(self, url):
        self.status, _, self.length = SERVER[url]

    async def text(self):
        await asyncio.sleep(0.1)  # the body arrives
        return "x" * self.length


class ClientSession:
    """Stands in for aiohttp.ClientSession: a base URL,
    at most `limit` connections, a timeout."""

    def __init__(self, base_url, limit, timeout):
        self.base_url = base_url
        self._connections = asyncio.Semaphore(limit)
        self._timeout = timeout

    @asynccontextmanager
    async def get(self, url):
        # Wait for a free connection.
        async with self._connections:
            print(f"GET {url}")
            async with asyncio.timeout(self._timeout):
                # Request out, headers back.
                await asyncio.sleep(SERVER[url][1])
            yield Response(url)
        # leaving the block gave the connection back

    async def close(self):
        await asyncio.sleep(0.1)  # closing the pooled connections
        print("session closed")


class OptimizedHttpClient:
    def __init__(self, base_url, limit, timeout):
        self.session = None
        self.base_url = base_url
        # With real aiohttp: TCPConnector(limit=100, limit_per_host=30)
        self.limit = limit
        # With real aiohttp: ClientTimeout(total=30, connect=10, ...)
        self.timeout = timeout

    async def __aenter__(self):
        self.session = ClientSession(self.base_url, self.limit, self.timeout)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self.session:
            await self.session.close()

    async def fetch(self, url):
        try:
            async with self.session.get(url) as response:
                if response.status == 200:
                    content = await response.text()
                    return {"url": url, "length": len(content), "ok": True}
                return {"url": url, "status": response.status, "ok": False}
        except Exception as e:
            return {"url": url, "error": type(e).__name__, "ok": False}


async def optimized_example():
    urls = ["/json", "/uuid", "/status/404", "/delay/3"]
    async with OptimizedHttpClient(
        "https://httpbin.org", limit=2, timeout=1.0
    ) as client:
        results = await asyncio.gather(*(client.fetch(url) for url in urls))
        for result in results:
            print(result)


if __name__ == "__main__":
    asyncio.run(optimized_example())
