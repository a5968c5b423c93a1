import asyncio

import aiohttp
from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/item/{n}")
async def item(request):
    n = request.match_info["n"]
    print(f"handling {n}")
    await asyncio.sleep(0.5)  # a database query
    return web.json_response({"item": n})


async def fetch(session, n):
    url = f"http://app.test/item/{n}"
    async with session.get(url) as r:
        return (await r.json())["item"]


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    app = web.Application()
    app.add_routes(routes)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "app.test", 80).start()

    async with aiohttp.ClientSession() as session:
        items = await asyncio.gather(
            *(fetch(session, n) for n in range(1, 5))
        )
    print(items, f"at {loop.time() - start:.2f}s")
    await runner.cleanup()


asyncio.run(main())
