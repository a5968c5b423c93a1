import asyncio
import time


# 0.2 s of number crunching. Like any CPU loop it never awaits, so while it runs nothing else
# can (time.sleep stands in for the CPU time: the loop is held, as in a real loop).
def crunch_block():
    time.sleep(0.2)


async def crunch():
    for block in range(1, 6):
        crunch_block()
        print(f"crunch: block {block} of 5")
        await asyncio.sleep(0)  # a turn for the other tasks between blocks
    print("crunch: done")


async def spinner():
    for i in range(1, 5):
        print(f"spinner: still responsive ({i})")
        await asyncio.sleep(0.25)


async def main():
    await asyncio.gather(crunch(), spinner())


asyncio.run(main())
