import asyncio


# Downloads one page; the sleep is the network.
async def fetch_page(n):
    print(f"fetching page {n}")
    await asyncio.sleep(1)
    return f"page {n}"


async def main():
    pages = await asyncio.gather(*(fetch_page(n) for n in range(1, 10)))
    print(f"got {len(pages)} pages")


asyncio.run(main())
