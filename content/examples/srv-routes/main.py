import asyncio

import aiohttp
from aiohttp import web


async def index(request):
    return web.Response(text="Hello, world")


async def hello(request):
    name = request.match_info["name"]
    return web.Response(text=f"Hello, {name}")


async def main():
    app = web.Application()
    app.router.add_get("/", index)
    app.router.add_get("/hello/{name}", hello)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "app.test", 80).start()

    calls = [
        ("GET", "/"),
        ("GET", "/hello/Alice"),
        ("GET", "/goodbye"),
        ("POST", "/"),
    ]
    async with aiohttp.ClientSession() as session:
        for method, path in calls:
            url = "http://app.test" + path
            async with session.request(method, url) as r:
                text = await r.text()
                print(method, path, "->", r.status, text)
    await runner.cleanup()


asyncio.run(main())
