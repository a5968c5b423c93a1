import asyncio


async def deliver(fut, value):
    await asyncio.sleep(1)
    print("deliver: setting the result")
    fut.set_result(value)
    print("deliver: result set, carrying on")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    courier = asyncio.create_task(deliver(fut, 42))
    print("main: awaiting the future; done?", fut.done())
    answer = await fut
    print("main: got", answer, "| done?", fut.done())
    await courier


asyncio.run(main())
