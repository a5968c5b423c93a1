import asyncio

# A stand-in for the network: status, body size in bytes, seconds per chunk.
SERVER = {
    "https://httpbin.org/json": (200, 2500, 0.3),
    "https://httpbin.org/uuid": (200, 1100, 0.5),
    "https://httpbin.org/missing": (404, 0, 0.0),
}


class Response:
    """Like aiohttp's response: a status, and a body that arrives chunk by chunk."""

    def __init__(self, url):
        self.status, self.size, self.delay = SERVER[url]

    async def iter_chunked(self, n):
        sent = 0
        while sent < self.size:
            # Waiting for the next packets.
            await asyncio.sleep(self.delay)
            chunk = b"x" * min(n, self.size - sent)
            sent += len(chunk)
            yield chunk


async def get(url):
    # Request sent, status line and headers back.
    await asyncio.sleep(0.1)
    return Response(url)


async def download_file(url, filename):
    response = await get(url)
    if response.status != 200:
        print(f"Failed to download {url}: Status {response.status}")
        return False
    size = 0
    async for chunk in response.iter_chunked(1024):
        # The real program writes the chunk to the file here.
        size += len(chunk)
        print(f"{filename}: {size} bytes")
    print(f"Downloaded: {filename}")
    return True


async def download_multiple_files():
    files_to_download = [
        ("https://httpbin.org/json", "downloads/data.json"),
        ("https://httpbin.org/uuid", "downloads/uuid.txt"),
        ("https://httpbin.org/missing", "downloads/missing.txt"),
    ]
    results = await asyncio.gather(
        *(download_file(url, filename) for url, filename in files_to_download)
    )
    print(f"Successfully downloaded {sum(results)} out of {len(results)} files")


if __name__ == "__main__":
    asyncio.run(download_multiple_files())
