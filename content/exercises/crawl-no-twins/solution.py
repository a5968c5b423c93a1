import asyncio

SITE = {
    "/": ["/a", "/b"],
    "/a": ["/c", "/b"],
    "/b": ["/c", "/a"],
    "/c": ["/d", "/"],
    "/d": ["/e"],
    "/e": [],
}


async def fetch_links(path):
    print(f"fetch {path}")
    await asyncio.sleep(0.2)  # the network
    return SITE.get(path, [])


visited = set()


async def crawl(path):
    if path in visited:
        return
    visited.add(path)  # claim it before the await
    links = await fetch_links(path)
    await asyncio.gather(*(crawl(link) for link in links))


async def main():
    await crawl("/")
    print(f"{len(visited)} pages")


asyncio.run(main())
