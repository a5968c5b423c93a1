import asyncio


async def my_coroutine():
    print("Coroutine started")
    await asyncio.sleep(1)  # pause here; the loop is free to run other work
    print("Coroutine resumed")
    return "Result"


async def main():
    result = await my_coroutine()
    print(f"Result: {result}")


asyncio.run(main())
