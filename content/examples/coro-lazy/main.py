import asyncio


async def my_coroutine():
    print("Coroutine started")
    await asyncio.sleep(1)
    print("Coroutine resumed")
    return "Result"


async def main():
    coro = my_coroutine()  # makes a coroutine object; runs none of its body
    print(f"Made {type(coro).__name__} object")
    await asyncio.sleep(0.5)
    print("Awaiting it now")
    result = await coro  # the body starts here
    print(f"Result: {result}")


asyncio.run(main())
