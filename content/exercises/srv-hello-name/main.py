import asyncio

import aiohttp
from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/")
async def index(request):
    return web.Response(text="Hello!")


# Add a route here: GET /hello/{name} answers "Hello, <name>!"


async def main():
    app = web.Application()
    app.add_routes(routes)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "app.test", 80).start()
    async with aiohttp.ClientSession() as session:
        for path in ["/", "/hello/Ada", "/hello/Grace"]:
            async with session.get(f"http://app.test{path}") as r:
                print(r.status, await r.text())
    await runner.cleanup()


asyncio.run(main())
