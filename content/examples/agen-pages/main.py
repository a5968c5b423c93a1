import asyncio
from contextlib import aclosing

PAGES = [["ant", "bee"], ["cat", "dog"], ["eel", "fox"], ["gnu", "hen"]]


async def fetch_animals():
    """Yields animals one by one; fetches the next page only when asked for more."""
    pages = 0
    try:
        for page in PAGES:
            await asyncio.sleep(1)  # one request per page
            pages += 1
            print(f"fetched page {pages}")
            for animal in page:
                yield animal
    finally:
        print(f"pager closed after {pages} of {len(PAGES)} pages")


async def main():
    async with aclosing(fetch_animals()) as animals:
        async for animal in animals:
            print(f"checking {animal}")
            await asyncio.sleep(0.5)  # checking takes a while
            if animal.startswith("d"):
                print(f"found {animal}")
                break
    print("search over")


if __name__ == "__main__":
    asyncio.run(main())
