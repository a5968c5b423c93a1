import asyncio
import time


async def say_after(name, delay):
    print(f"Hello, {name}")
    await asyncio.sleep(delay)
    print(f"Goodbye, {name}")


async def main():
    start = time.perf_counter()
    await asyncio.gather(
        say_after("Alice", 1),
        say_after("Bob", 2),
        say_after("Charlie", 0.5),
    )
    print(f"Total time: {time.perf_counter() - start:.3f} seconds")


if __name__ == "__main__":
    asyncio.run(main())
