import asyncio


async def hello1(a, b):
    print("Hello world 01 begin")
    await asyncio.sleep(3)
    print("Hello again 01 end")
    return a + b


async def fails():
    await asyncio.sleep(1)
    raise ValueError("bad input")


def callback(future):
    # Runs on the loop, outside any task.
    print("callback: result is", future.result())


async def main():
    task = asyncio.create_task(hello1(10, 5))
    task.add_done_callback(callback)
    print("done?", task.done())
    try:
        task.result()
    except asyncio.InvalidStateError:
        print("result() too early: InvalidStateError")

    await task
    print("done?", task.done(), "| result:", task.result())
    print("exception:", task.exception())

    bad = asyncio.create_task(fails())
    try:
        await bad
    except ValueError:
        pass
    print("bad task done?", bad.done())
    print("exception:", repr(bad.exception()))


asyncio.run(main())
