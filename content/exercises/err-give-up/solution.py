import asyncio

calls = 0


async def call_service():
    global calls
    calls += 1
    print(f"attempt {calls}")
    await asyncio.sleep(0.1)
    raise ConnectionError("service unavailable")


async def with_retry(tries, base_delay):
    for attempt in range(tries):
        try:
            return await call_service()
        except ConnectionError:  # only the network is worth another try
            if attempt + 1 == tries:
                raise  # the last try: give up
            await asyncio.sleep(base_delay * 2**attempt)  # 0.5 s, then 1 s


async def main():
    try:
        result = await with_retry(3, 0.5)
        print(result)
    except ConnectionError as e:
        print(f"gave up after 3 tries: {e}")


asyncio.run(main())
