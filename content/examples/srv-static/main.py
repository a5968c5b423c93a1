import asyncio

import aiohttp
import simulated
from aiohttp import web

# Not at home: puts two files in the simulated disk.
simulated.files(contents={"static/hi.txt": "hi!\n", "static/app.js": "go()\n"})


async def main():
    app = web.Application()
    app.router.add_static("/static", "static")
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "app.test", 80).start()

    names = ["hi.txt", "app.js", "nope.txt"]
    async with aiohttp.ClientSession() as session:
        for name in names:
            url = f"http://app.test/static/{name}"
            async with session.get(url) as r:
                text = await r.text()
                print(name, r.status, repr(text))
    await runner.cleanup()


asyncio.run(main())
