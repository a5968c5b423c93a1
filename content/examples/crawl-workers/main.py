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


MAX_DEPTH, WORKERS = 3, 3


async def worker(session, queue, seen):
    while True:
        url, depth = await queue.get()  # idle: waits here
        path = urlparse(url).path
        try:
            async with session.get(url, raise_for_status=True) as resp:
                html = await resp.text()
            print(f"{resp.status} {path} (depth {depth})")
            if depth == MAX_DEPTH:
                continue
            for link in links_in(url, html):
                if link not in seen:
                    seen.add(link)
                    queue.put_nowait((link, depth + 1))
        except Exception as exc:  # this page failed, the worker goes on
            print(f"failed {path}: {type(exc).__name__}")
        finally:
            queue.task_done()


async def main():
    runner = await serve_site()
    queue, seen = asyncio.Queue(), {"http://site.test/"}
    queue.put_nowait(("http://site.test/", 0))
    async with aiohttp.ClientSession() as session:
        workers = [
            asyncio.create_task(worker(session, queue, seen),
                                name=f"worker-{i}")
            for i in range(1, WORKERS + 1)
        ]
        await queue.join()
        for w in workers:
            w.cancel()
    print(f"{len(seen)} URLs seen")
    await runner.cleanup()


asyncio.run(main())
