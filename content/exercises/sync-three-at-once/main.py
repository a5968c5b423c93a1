import asyncio


# Downloads one page; the sleep is the network.
async def fetch_page(n):
    print(f"fetching page {n}")
    await asyncio.sleep(1)
    return f"page {n}"


async def main():
    numbers = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    pages = await asyncio.gather(*(fetch_page(n) for n in numbers))
    print(f"got {len(pages)} pages")


asyncio.run(main())
