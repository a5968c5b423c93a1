import asyncio
import time

import aiohttp
from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/report/{n}")
async def report(request):
    n = request.match_info["n"]
    print(f"building report {n}")
    time.sleep(1)  # the slow part: a second of waiting
    return web.Response(text=f"report {n}")


async def get(session, n):
    async with session.get(f"http://app.test/report/{n}") as r:
        return await r.text()


async def main():
    app = web.Application()
    app.add_routes(routes)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "app.test", 80).start()
    async with aiohttp.ClientSession() as session:
        reports = await asyncio.gather(*(get(session, n) for n in [1, 2, 3]))
        print(reports)
    await runner.cleanup()


asyncio.run(main())
