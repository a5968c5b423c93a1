import asyncio


async def example_coroutine():
    print("coroutine: started")
    await asyncio.sleep(1)
    print("coroutine: finished")
    return "Hello, Async!"


async def main():
    task = asyncio.create_task(example_coroutine())
    print("main: task created, done?", task.done())
    result = await task
    print("main: got", result)


asyncio.run(main())
