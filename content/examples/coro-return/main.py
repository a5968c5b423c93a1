import asyncio
import time


async def example_coroutine():
    await asyncio.sleep(1)
    return "Hello, Async!"


async def greet_async(name):
    await asyncio.sleep(1)
    return f"Hello, {name}!"


async def main():
    start = time.perf_counter()
    # await gives back the return value
    message = await example_coroutine()
    print(message)
    # starts when the line above is done
    greeting = await greet_async("Alice")
    print(greeting)
    print(f"Both took {time.perf_counter() - start:.1f} s")


asyncio.run(main())
