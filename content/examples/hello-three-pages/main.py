import asyncio
import time


async def fetch(url):
    await asyncio.sleep(1)  # pauses this coroutine; the loop runs others meanwhile
    return f"<html of {url}>"


async def main():
    start = time.perf_counter()
    pages = await asyncio.gather(fetch("a.example"), fetch("b.example"), fetch("c.example"))
    print(len(pages), f"pages in {time.perf_counter() - start:.1f}s")


asyncio.run(main())
