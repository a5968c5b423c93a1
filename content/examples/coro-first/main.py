import asyncio


async def my_coroutine():
    print("Coroutine started")
    # pauses here; the loop may run other work
    await asyncio.sleep(1)
    print("Coroutine resumed")
    return "Result"


async def main():
    result = await my_coroutine()
    print(f"Result: {result}")


asyncio.run(main())
