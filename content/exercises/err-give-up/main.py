import asyncio

calls = 0


async def call_service():
    global calls
    calls += 1
    print(f"attempt {calls}")
    await asyncio.sleep(0.1)
    raise ConnectionError("service unavailable")


async def main():
    result = await call_service()
    print(result)


asyncio.run(main())
