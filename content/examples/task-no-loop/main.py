import asyncio


async def hello1(a, b):
    await asyncio.sleep(3)
    return a + b


# Make the task first, run the loop later? No loop runs yet.
try:
    task = asyncio.create_task(hello1(10, 5))
except RuntimeError as e:
    print("create_task before the loop:", e)


async def main():
    # Inside a coroutine the loop is running: this works.
    task = asyncio.create_task(hello1(10, 5))
    await task
    print("task.result():", task.result())


asyncio.run(main())
