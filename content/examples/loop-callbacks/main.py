import asyncio


def remind(label):
    # a plain function: runs outside any task
    print(f"callback: {label}")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.5, remind, "call_later(0.5)")
    loop.call_soon(remind, "call_soon")
    print("main: both callbacks scheduled")
    # yield: the loop runs what is ready
    await asyncio.sleep(0)
    print("main: back after sleep(0)")
    await asyncio.sleep(1)
    print("main: done")


asyncio.run(main())
