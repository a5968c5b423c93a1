import asyncio

import redis.asyncio as redis


async def main():
    # from_url is not awaited: it only sets up
    # the client; connections open on first use
    r = redis.from_url(
        "redis://localhost:6379",
        decode_responses=True,
    )
    loop = asyncio.get_running_loop()

    await r.set("session:42", "alice", ex=2)
    print(await r.get("session:42"),
          await r.ttl("session:42"))

    start = loop.time()
    for i in range(20):
        await r.set(f"page:{i}", f"<p>{i}</p>")
    took = loop.time() - start
    print(f"20 awaits: {took:.2f}s")

    start = loop.time()
    async with r.pipeline() as pipe:
        for i in range(20):
            pipe.set(f"page:{i}", f"<p>{i}</p>")
        results = await pipe.execute()
    took = loop.time() - start
    print(f"1 pipeline: {took:.2f}s,"
          f" {len(results)} replies")

    print(await r.mget(
        "page:3", "page:7", "session:42"
    ))
    await asyncio.sleep(2)
    print(await r.mget(
        "page:3", "page:7", "session:42"
    ))
    await r.aclose()


asyncio.run(main())
