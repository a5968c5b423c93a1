import asyncio

import redis.asyncio as redis


async def main():
    r = redis.from_url("redis://localhost:6379", decode_responses=True)
    loop = asyncio.get_running_loop()

    await r.set("user:1", "Alice", ex=3600)
    print(await r.get("user:1"), await r.ttl("user:1"))

    start = loop.time()
    for i in range(10):
        await r.set(f"one:{i}", i)
    print(f"10 commands, one at a time: {loop.time() - start:.2f}s")

    start = loop.time()
    pipe = r.pipeline()
    for i in range(10):
        pipe.set(f"batch:{i}", i)
    results = await pipe.execute()
    print(f"10 commands in a pipeline: {loop.time() - start:.2f}s, {results.count(True)} OK")

    await r.set("session", "active", ex=1)
    print(await r.mget("session", "batch:3", "missing"))
    await asyncio.sleep(1)
    print(await r.mget("session", "batch:3", "missing"))
    await r.aclose()


asyncio.run(main())
