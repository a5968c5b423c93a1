import asyncio


# Fetching one page of results takes half a second.
async def fetch_page(n):
    await asyncio.sleep(0.5)
    return f"page {n}: {n * 10} results"


# Fetches every page, then hands them all over at once.
async def fetch_all():
    pages = []
    for n in range(1, 5):
        pages.append(await fetch_page(n))
    return pages


async def main():
    for page in await fetch_all():
        print(page)


asyncio.run(main())
