import asyncio

import aiohttp
from aiohttp import web

routes = web.RouteTableDef()
users = {}


@routes.post("/login")
async def login(request):
    form = await request.post()  # a urlencoded form
    return web.Response(text=f"welcome, {form['user']}")


@routes.post("/users")
async def add_user(request):
    data = await request.json()  # a JSON body
    user_id = len(users) + 1
    users[user_id] = data["name"]
    return web.json_response({"id": user_id}, status=201)


@routes.get("/users/{id}")
async def get_user(request):
    try:
        user_id = int(request.match_info["id"])  # a path parameter is a str
    except ValueError:
        raise web.HTTPBadRequest(text="id must be a number") from None
    if user_id not in users:
        raise web.HTTPNotFound(text="no such user")
    return web.json_response({"name": users[user_id]})


async def main():
    app = web.Application()
    app.add_routes(routes)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "app.test", 80).start()

    url = "http://app.test"
    async with aiohttp.ClientSession() as s:
        form = {"user": "alice"}
        async with s.post(url + "/login", data=form) as r:
            print(r.status, await r.text())
        body = {"name": "Bob"}
        async with s.post(url + "/users", json=body) as r:
            print(r.status, await r.json())
        for path in ["/users/1", "/users/2", "/users/bob"]:
            async with s.get(url + path) as r:
                print(r.status, r.content_type, await r.text())
    await runner.cleanup()


asyncio.run(main())
