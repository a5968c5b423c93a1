import asyncio

import aiohttp


class AsyncHttpClient:
    def __init__(self, timeout=30, max_concurrent=100):
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.semaphore = asyncio.Semaphore(max_concurrent)
        self.in_flight = 0  # to watch the limit at work

    async def fetch_with_semaphore(self, session, url):
        async with self.semaphore:  # at most max_concurrent requests at once
            self.in_flight += 1
            print(f"GET {url[19:]} ({self.in_flight} in flight)")
            try:
                async with session.get(url, timeout=self.timeout) as response:
                    content = await response.text()
                    return {
                        "status": response.status,
                        "length": len(content),
                        "success": response.status < 400,
                    }
            except (aiohttp.ClientError, TimeoutError) as e:  # the network
                return {"error": type(e).__name__, "success": False}
            finally:
                self.in_flight -= 1

    async def fetch_batch(self, urls):
        connector = aiohttp.TCPConnector(limit=100, limit_per_host=30)
        async with aiohttp.ClientSession(connector=connector) as session:
            tasks = [self.fetch_with_semaphore(session, url) for url in urls]
            results = await asyncio.gather(*tasks, return_exceptions=True)
            processed_results = []
            for result in results:
                if isinstance(result, Exception):  # anything else: a bug
                    processed_results.append({"error": repr(result)})
                else:
                    processed_results.append(result)
            return processed_results


async def main():
    client = AsyncHttpClient(timeout=2, max_concurrent=3)
    urls = [
        "https://httpbin.org/delay/1",
        "https://httpbin.org/json",
        "https://httpbin.org/delay/0.3",
        "https://httpbin.org/status/503",
        "https://httpbin.org/delay/5",
    ]
    results = await client.fetch_batch(urls)
    for url, result in zip(urls, results):
        print(url[19:], result)


asyncio.run(main())
