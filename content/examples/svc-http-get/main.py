import asyncio

import aiohttp


async def fetch_data(session, url):
    async with session.get(url) as response:
        data = await response.json()
        print(f"GET {url}: {response.status}")
        return data


async def send_data(session, url, data):
    async with session.post(url, json=data) as response:
        echoed = await response.json()
        print(f"POST {url}: {response.status}")
        return echoed["json"]


async def main():
    async with aiohttp.ClientSession() as session:
        slides = await fetch_data(session, "https://httpbin.test/json")
        print(slides["slideshow"]["title"])
        sent = await send_data(session, "https://httpbin.test/post", {"title": "Example", "body": "Content"})
        print(sent)


asyncio.run(main())
