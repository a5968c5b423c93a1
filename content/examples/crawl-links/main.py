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


ROOT = "http://site.test/"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    runner = await serve_site()
    async with aiohttp.ClientSession() as session:
        for url in [ROOT, ROOT + "missing"]:
            async with session.get(url) as resp:
                html = await resp.text()
            print(f"{url} {resp.status} at {loop.time() - start:.3f}s")
            for link in links_in(url, html):
                print(f"  -> {link}")
    await runner.cleanup()


asyncio.run(main())
