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


MAX_DEPTH = 2


class Crawler:
    def __init__(self, session, max_concurrent=3):
        self.session = session
        self.semaphore = asyncio.Semaphore(max_concurrent)
        self.visited = set()

    async def crawl(self, url, depth=0):
        if url in self.visited or depth > MAX_DEPTH:
            return
        self.visited.add(url)  # before the await: no twins
        async with self.semaphore:
            async with self.session.get(url) as resp:
                html = await resp.text()
        path = urlparse(url).path
        print(f"depth {depth} {resp.status} {path}")
        await asyncio.gather(
            *(self.crawl(link, depth + 1)
              for link in links_in(url, html))
        )


async def main():
    runner = await serve_site()
    async with aiohttp.ClientSession() as session:
        crawler = Crawler(session)
        await crawler.crawl("http://site.test/")
    print(f"{len(crawler.visited)} pages")
    await runner.cleanup()


asyncio.run(main())
