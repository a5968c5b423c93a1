import asyncio
import time


async def fetch_prices():
    for attempt in range(1, 4):
        await asyncio.sleep(0.1)  # the request
        if attempt == 3:
            return "prices: 3 tries"
        await asyncio.sleep(0.5)  # back off before the next try


async def fetch_news():
    await asyncio.sleep(0.3)
    return "news: 1 try"


async def heartbeat():
    for i in range(6):
        print(f"beat {i}")
        await asyncio.sleep(0.25)


async def main():
    beat = asyncio.create_task(heartbeat())
    prices = asyncio.create_task(fetch_prices())
    news = asyncio.create_task(fetch_news())
    print(await prices)
    print(await news)
    await beat


asyncio.run(main(), debug=True)
