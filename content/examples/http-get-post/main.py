import asyncio

import aiohttp


async def main():
    async with aiohttp.ClientSession() as session:
        url = "https://httpbin.test/get"
        params = {"q": "asyncio"}
        async with session.get(url, params=params) as resp:
            print(resp.status, resp.content_type)
            body = await resp.json()
            print("args:", body["args"])

        data = {"title": "Example", "body": "Content"}
        url = "https://httpbin.test/post"
        async with session.post(url, json=data) as resp:
            text = await resp.text()
            print(resp.status, len(text), "chars")
            print("echoed:", (await resp.json())["json"])


asyncio.run(main())
