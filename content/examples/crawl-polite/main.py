import asyncio
import re
from urllib.parse import urljoin, urlparse

import aiohttp
from aiohttp import web

SITE = {  # the simulated site: each page and its links
    "/": ["/docs", "/blog", "/about"],
    "/docs": ["/docs/start", "/docs/api", "/"],
    "/blog": ["/blog/1", "/blog/2", "/"],
    "/about": ["/", "/team"],
    "/docs/start": ["/docs/api"],
    "/docs/api": ["/docs/start", "/docs/old"],
    "/blog/1": ["/blog/2"],
    "/blog/2": ["/blog/1", "/blog/3"],
    "/blog/3": ["/"],
    "/team": ["/about"],
}


async def page(request):
    if request.path not in SITE:
        raise web.HTTPNotFound()
    await asyncio.sleep(0.1)  # the server renders it
    html = "".join(
        f'<a href="{u}">{u}</a>\n' for u in SITE[request.path]
    )
    return web.Response(text=html, content_type="text/html")


async def serve_site():
    app = web.Application()
    app.router.add_get("/{path:.*}", page)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "site.test", 80).start()
    return runner


def links_in(base, html):
    hrefs = re.findall(r'href="([^"]+)"', html)
    return [urljoin(base, href) for href in hrefs]


MAX_DEPTH, WORKERS, DELAY = 3, 3, 0.3


class Politeness:
    """Requests to one host start at least DELAY apart."""

    def __init__(self):
        self.locks, self.last = {}, {}

    async def wait(self, host):
        lock = self.locks.setdefault(host, asyncio.Lock())
        async with lock:
            loop = asyncio.get_running_loop()
            ready = self.last.get(host, -DELAY) + DELAY
            await asyncio.sleep(max(0, ready - loop.time()))
            self.last[host] = loop.time()


class Crawl:
    def __init__(self, session):
        self.session, self.polite = session, Politeness()
        self.queue = asyncio.Queue()
        self.seen, self.fetched, self.failed = set(), 0, 0

    def add(self, url, depth):
        if url not in self.seen and depth <= MAX_DEPTH:
            self.seen.add(url)
            self.queue.put_nowait((url, depth))

    async def worker(self):
        while True:
            url, depth = await self.queue.get()
            try:
                await self.polite.wait(urlparse(url).hostname)
                async with self.session.get(url, raise_for_status=True) as resp:
                    html = await resp.text()
                self.fetched += 1
                for link in links_in(url, html):
                    self.add(link, depth + 1)
            except Exception as exc:  # one page failed: count it, go on
                self.failed += 1
                print(f"{urlparse(url).path}: {type(exc).__name__}")
            finally:
                self.queue.task_done()

    async def reporter(self):
        loop = asyncio.get_running_loop()
        start = loop.time()
        while True:
            await asyncio.sleep(0.5)
            print(f"{loop.time() - start:.1f}s {self.fetched} fetched,"
                  f" {self.queue.qsize()} queued")


async def main():
    runner = await serve_site()
    async with aiohttp.ClientSession() as session:
        crawl = Crawl(session)
        crawl.add("http://site.test/", 0)
        tasks = [asyncio.create_task(crawl.worker(),
                                     name=f"worker-{i}")
                 for i in range(1, WORKERS + 1)]
        tasks.append(asyncio.create_task(crawl.reporter(),
                                         name="reporter"))
        await crawl.queue.join()  # every URL taken and done
        for task in tasks:
            task.cancel()
    print(f"{crawl.fetched} pages, {crawl.failed} failed")
    await runner.cleanup()


asyncio.run(main())
