import asyncio


# Fetching one page of results takes half a second.
async def fetch_page(n):
    await asyncio.sleep(0.5)
    return f"page {n}: {n * 10} results"


# An async generator: hands over each page as soon as it has it.
async def fetch_all():
    for n in range(1, 5):
        yield await fetch_page(n)


async def main():
    async for page in fetch_all():
        print(page)


asyncio.run(main())
