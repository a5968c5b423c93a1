import asyncio
from contextlib import asynccontextmanager

# A stand-in for the network: status, seconds until the headers arrive, body length.
SERVER = {
    "https://httpbin.org/json": (200, 0.3, 429),
    "https://httpbin.org/uuid": (200, 0.2, 53),
    "https://httpbin.org/status/404": (404, 0.1, 0),
    "https://httpbin.org/delay/3": (200, 3.0, 270),
}


class Response:
    def __init__(self, url):
        self.status, _, self.length = SERVER[url]

    async def text(self):
        await asyncio.sleep(0.1)  # the body arrives
        return "x" * self.length


class ClientSession:
    """Stands in for aiohttp.ClientSession: at most `limit` connections, a timeout."""

    def __init__(self, limit, timeout):
        self._connections = asyncio.Semaphore(limit)
        self._timeout = timeout

    @asynccontextmanager
    async def get(self, url):
        async with self._connections:  # wait for a free connection
            print(f"GET {url}")
            async with asyncio.timeout(self._timeout):
                await asyncio.sleep(SERVER[url][1])  # request out, headers back
            yield Response(url)
        # leaving the block gave the connection back

    async def close(self):
        await asyncio.sleep(0.1)  # closing the pooled connections
        print("session closed")


class OptimizedHttpClient:
    def __init__(self, limit, timeout):
        self.session = None
        self.limit = limit  # the seed: TCPConnector(limit=100, limit_per_host=30)
        self.timeout = timeout  # the seed: ClientTimeout(total=30, ...)

    async def __aenter__(self):
        self.session = ClientSession(self.limit, self.timeout)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self.session:
            await self.session.close()

    async def fetch(self, url):
        try:
            async with self.session.get(url) as response:
                if response.status == 200:
                    content = await response.text()
                    return {"url": url, "length": len(content), "success": True}
                return {"url": url, "status": response.status, "success": False}
        except Exception as e:
            return {"url": url, "error": type(e).__name__, "success": False}


async def optimized_example():
    urls = [
        "https://httpbin.org/json",
        "https://httpbin.org/uuid",
        "https://httpbin.org/status/404",
        "https://httpbin.org/delay/3",
    ]
    async with OptimizedHttpClient(limit=2, timeout=1.0) as client:
        results = await asyncio.gather(*(client.fetch(url) for url in urls))
        for result in results:
            print(result)


if __name__ == "__main__":
    asyncio.run(optimized_example())
