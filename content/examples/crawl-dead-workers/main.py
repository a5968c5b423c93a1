import asyncio
import re
from urllib.parse import urljoin

import aiohttp
from aiohttp import web

SITE = {"/": ["/a", "/b", "/c", "/d"], "/c": [], "/d": []}  # /a, /b: 404


async def page(request):
    if request.path not in SITE:
        raise web.HTTPNotFound()
    await asyncio.sleep(0.1)
    html = "".join(f'<a href="{u}">{u}</a>\n' for u in SITE[request.path])
    return web.Response(text=html, content_type="text/html")


async def serve_site():
    app = web.Application()
    app.router.add_get("/{path:.*}", page)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "site.test", 80).start()
    return runner


async def worker(session, queue):
    while True:
        url = await queue.get()
        try:  # no except: an error leaves the loop and ends the worker
            async with session.get(url, raise_for_status=True) as resp:
                html = await resp.text()
            print(f"{resp.status} {url}")
            for href in re.findall(r'href="([^"]+)"', html):
                queue.put_nowait(urljoin(url, href))
        finally:
            queue.task_done()


def report_death(task):  # a done callback: runs when the worker ends
    exc = task.exception()
    print(f"{task.get_name()} ended: {type(exc).__name__} {exc.status}")


async def main():
    runner = await serve_site()
    queue = asyncio.Queue()
    queue.put_nowait("http://site.test/")
    async with aiohttp.ClientSession() as session:
        workers = [
            asyncio.create_task(worker(session, queue), name=f"worker-{i}")
            for i in (1, 2)
        ]
        for w in workers:
            w.add_done_callback(report_death)
        try:
            async with asyncio.timeout(2):  # without it: waits forever
                await queue.join()
        except TimeoutError:
            print(f"join() still waiting, {queue.qsize()} URLs queued")
    await runner.cleanup()


asyncio.run(main())
