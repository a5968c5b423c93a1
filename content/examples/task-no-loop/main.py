import asyncio


async def hello1(a, b):
    await asyncio.sleep(3)
    return a + b


# The seed's order: make the task first, start the loop later. No loop is running yet.
try:
    task = asyncio.create_task(hello1(10, 5))
except RuntimeError as e:
    print("create_task before the loop:", e)


async def main():
    task = asyncio.create_task(hello1(10, 5))  # inside a coroutine: the loop is running
    await task
    print("task.result():", task.result())


asyncio.run(main())
