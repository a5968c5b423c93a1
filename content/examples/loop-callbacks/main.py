import asyncio


def remind(label):
    print(f"callback: {label}")  # a plain function: it runs outside any task


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.5, remind, "call_later(0.5)")
    loop.call_soon(remind, "call_soon")
    print("main: both callbacks scheduled")
    await asyncio.sleep(0)  # yield: let the loop run what is already ready
    print("main: back after sleep(0)")
    await asyncio.sleep(1)
    print("main: done")


asyncio.run(main())
