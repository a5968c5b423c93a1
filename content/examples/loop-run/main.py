import asyncio


async def say_after_time(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    # the loop asyncio.run made for us
    loop = asyncio.get_running_loop()
    print(f"loop.time() = {loop.time():.1f}")
    await say_after_time(1, "hello")
    await say_after_time(2, "world")
    print(f"loop.time() = {loop.time():.1f}")


# new loop; main() as Task-1; close
asyncio.run(main())
