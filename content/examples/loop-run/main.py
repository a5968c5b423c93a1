import asyncio


async def say_after_time(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    # the loop asyncio.run made for us, and its clock
    loop = asyncio.get_running_loop()
    start = loop.time()
    await say_after_time(1, "hello")
    await say_after_time(2, "world")
    print(f"took {loop.time() - start:.1f} s")


# new loop; main() as Task-1; close
asyncio.run(main())
