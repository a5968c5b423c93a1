import asyncio

import aiofiles
import aiohttp


async def download(session, url, path):
    size = 0
    async with session.get(url) as resp:
        print("status", resp.status, "- body still coming")
        async with aiofiles.open(path, "wb") as f:
            async for chunk in resp.content.iter_chunked(1024):
                await f.write(chunk)
                size += len(chunk)
                print(f"got {len(chunk)} bytes")
    print(f"saved {size} bytes to {path}")


async def main():
    async with aiohttp.ClientSession() as session:
        url = "https://httpbin.test/bytes/4500"
        await download(session, url, "data.bin")


asyncio.run(main())
