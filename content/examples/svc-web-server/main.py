import asyncio

import aiohttp
from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/")
async def hello(request):
    return web.Response(text="Hello, world")


@routes.get("/greet/{name}")
async def greet(request):
    name = request.match_info.get("name", "Anonymous")
    print(f"handling {name}")
    await asyncio.sleep(1)  # a slow lookup: the other requests go on meanwhile
    return web.json_response({"greeting": f"Hello, {name}!"})


async def main():
    app = web.Application()
    app.add_routes(routes)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "app.test", 80).start()

    async with aiohttp.ClientSession() as session:
        async with session.get("http://app.test/") as resp:
            print(resp.status, await resp.text())

        async def call(name):
            async with session.get(f"http://app.test/greet/{name}") as resp:
                return (await resp.json())["greeting"]

        print(await asyncio.gather(call("Alice"), call("Bob"), call("Charlie")))
    await runner.cleanup()


asyncio.run(main())
