import asyncio
import time

# seconds until each reply arrives
LATENCY = {"/json": 0.4, "/uuid": 0.45, "/ip": 0.5}


async def fetch_api_data(url):
    # an aiohttp GET: it awaits the reply,
    # so other tasks run meanwhile
    await asyncio.sleep(LATENCY[url])
    return {"url": url, "data": {"ok": True}}


def save_to_database(result):
    # stands in for sqlite3: connect, INSERT,
    # commit. Blocking: the loop stops here.
    time.sleep(0.3)


async def process(url):
    result = await fetch_api_data(url)
    print(f"{url}: fetched")
    save_to_database(result)
    print(f"{url}: saved")


async def heartbeat():
    loop = asyncio.get_running_loop()
    last = loop.time()
    for i in range(1, 6):
        await asyncio.sleep(0.3)
        now = loop.time()
        print(f"heartbeat {i} ({now - last:.1f} s gap)")
        last = now


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    beat = asyncio.create_task(heartbeat())
    await asyncio.gather(*(process(u) for u in LATENCY))
    print(f"all saved at {loop.time() - start:.1f} s")
    await beat


asyncio.run(main())
