import asyncio


async def say_after_time(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    await say_after_time(1, "hello")
    await say_after_time(2, "world")


# The loop driven by hand, as before asyncio.run (Python 3.7):
loop = asyncio.new_event_loop()  # a fresh loop (get_event_loop() here is deprecated)
try:
    loop.run_until_complete(main())  # wraps main() in a task (Task-1), runs until it is done
finally:
    loop.close()  # skipped on an exception without the try/finally
