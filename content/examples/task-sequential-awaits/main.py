import asyncio
import time


async def long_running_task(name, duration):
    print(f"{name} started")
    await asyncio.sleep(duration)
    print(f"{name} completed after {duration} seconds")
    return f"Result from {name}"


async def main():
    start = time.perf_counter()
    # Scheduled here; neither has run a line yet.
    task1 = asyncio.create_task(long_running_task("download", 2))
    task2 = asyncio.create_task(long_running_task("upload", 3))

    # Awaited in turn; the tasks run side by side.
    result1 = await task1
    print(f"main has {result1!r}")
    result2 = await task2
    print(f"main has {result2!r}")

    print(f"total: {time.perf_counter() - start:.1f}s")


asyncio.run(main())
