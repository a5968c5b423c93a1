import asyncio


async def say_hello(name, delay, start):
    loop = asyncio.get_running_loop()
    print(f"Hello {name} at {loop.time() - start:.1f}")
    # sets a timer, yields to the loop
    await asyncio.sleep(delay)
    print(f"Goodbye {name} at {loop.time() - start:.1f}")


async def main():
    start = asyncio.get_running_loop().time()
    await asyncio.gather(
        say_hello("Alice", 1, start),
        say_hello("Bob", 2, start),
        say_hello("Charlie", 0.5, start),
    )


if __name__ == "__main__":
    asyncio.run(main())
