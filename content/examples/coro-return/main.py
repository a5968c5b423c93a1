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
    message = await example_coroutine()  # await gives the coroutine's return value
    print(message)
    greeting = await greet_async("Alice")  # starts only after the line above is done
    print(greeting)
    print(f"Both took {time.perf_counter() - start:.1f} s")


asyncio.run(main())
