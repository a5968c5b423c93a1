import asyncio


async def slow_query(name):
    try:
        await asyncio.sleep(5)
        return "rows"
    finally:
        print(f"{name}: cleaned up")


async def main():
    try:
        await asyncio.wait_for(slow_query("q1"), timeout=1)
    except TimeoutError:
        print("wait_for: gave up after 1s")

    try:
        async with asyncio.timeout(1.5):
            await slow_query("q2")
            print("never printed")
    except TimeoutError:
        print("timeout(): gave up after 1.5s more")


asyncio.run(main())
