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


MAX_DEPTH = 1
queue = asyncio.Queue()
seen = {"/"}


async def worker():
    while True:
        path, depth = await queue.get()
        try:
            links = await fetch_links(path)
            if depth == MAX_DEPTH:
                continue  # do not go deeper
            for link in links:
                if link not in seen:
                    seen.add(link)
                    queue.put_nowait((link, depth + 1))
        except Exception as e:  # one page failed: report it and take the next
            print(f"failed {path}: {type(e).__name__}")
        finally:
            queue.task_done()


async def main():
    queue.put_nowait(("/", 0))
    workers = [asyncio.create_task(worker(), name=f"worker-{i}") for i in (1, 2)]
    await queue.join()
    for w in workers:
        w.cancel()
    print(f"crawl done, max depth {MAX_DEPTH}")


asyncio.run(main())
