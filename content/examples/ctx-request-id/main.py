import asyncio
from contextvars import ContextVar

import aiohttp
from aiohttp import web

request_id = ContextVar("request_id", default="-")


def log(message):
    print(f"[{request_id.get()}] {message}")


def with_request_id(handler):
    # What a middleware does for a whole app: tag everything this request does.
    async def tagged(request):
        request_id.set(request.headers.get("X-Request-ID", "-"))
        log(f"{request.method} {request.path}")
        return await handler(request)

    return tagged


async def query(sql, seconds):
    log(f"query: {sql}")
    await asyncio.sleep(seconds)
    log(f"query done: {sql}")


routes = web.RouteTableDef()


@routes.get("/orders/{n}")
@with_request_id
async def order(request):
    n = request.match_info["n"]
    await asyncio.gather(
        query(f"order {n}", 0.2),
        query(f"items of order {n}", 0.3),
    )
    log("responding")
    return web.json_response({"order": n})


async def fetch(session, n):
    headers = {"X-Request-ID": f"req-{n}"}
    async with session.get(f"http://app.test/orders/{n}", headers=headers) as r:
        return (await r.json())["order"]


async def main():
    app = web.Application()
    app.add_routes(routes)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "app.test", 80).start()

    async with aiohttp.ClientSession() as session:
        orders = await asyncio.gather(fetch(session, 1), fetch(session, 2))
    log(f"client got orders {orders}")
    await runner.cleanup()


asyncio.run(main())
