import asyncio
import unittest

import aiohttp
from aiohttp import web

import testrun

BASE = "http://app.test"


async def hello(request):
    name = request.match_info["name"]
    return web.Response(text=f"Hello, {name}")


async def report(request):
    await asyncio.sleep(2)  # a slow handler
    return web.Response(text="report ready")


def make_app():
    app = web.Application()
    app.router.add_get("/hello/{name}", hello)
    app.router.add_get("/report", report)
    return app


class ServerTests(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        runner = web.AppRunner(make_app())
        await runner.setup()
        await web.TCPSite(runner, "app.test", 80).start()
        self.addAsyncCleanup(runner.cleanup)
        self.session = aiohttp.ClientSession()
        self.addAsyncCleanup(self.session.close)

    async def get(self, path):
        async with self.session.get(BASE + path) as response:
            return response.status, await response.text()

    async def test_hello(self):
        self.assertEqual(await self.get("/hello/Ada"), (200, "Hello, Ada"))

    async def test_unknown_path(self):
        status, _ = await self.get("/goodbye")
        self.assertEqual(status, 404)

    async def test_slow_requests_overlap(self):
        loop = asyncio.get_running_loop()
        start = loop.time()
        results = await asyncio.gather(*(self.get("/report") for _ in range(3)))
        self.assertEqual(results, [(200, "report ready")] * 3)
        print(f"3 slow requests took {loop.time() - start:.1f} s")


testrun.run(ServerTests)
