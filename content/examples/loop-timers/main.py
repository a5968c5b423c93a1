import asyncio


async def say_hello(name, delay):
    loop = asyncio.get_running_loop()
    print(f"Hello {name} at {loop.time():.1f}")
    # sets a timer, yields to the loop
    await asyncio.sleep(delay)
    print(f"Goodbye {name} at {loop.time():.1f}")


async def main():
    await asyncio.gather(
        say_hello("Alice", 1),
        say_hello("Bob", 2),
        say_hello("Charlie", 0.5),
    )


if __name__ == "__main__":
    asyncio.run(main())
