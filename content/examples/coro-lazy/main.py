import asyncio


async def my_coroutine():
    print("Coroutine started")
    await asyncio.sleep(1)
    print("Coroutine resumed")
    return "Result"


async def main():
    # a coroutine object: none of the body runs
    coro = my_coroutine()
    print(f"Made {type(coro).__name__} object")
    await asyncio.sleep(0.5)
    print("Awaiting it now")
    # the body starts here
    result = await coro
    print(f"Result: {result}")


asyncio.run(main())
