import asyncio
import time


def count_lines(name):
    return f"{name}: 120 lines"


# A blocking read, like open(path).read() on a slow network drive:
# 1 s of waiting that holds the whole loop, then the work.
def read_file(name):
    time.sleep(1)
    return count_lines(name)


async def load(name):
    text = read_file(name)
    print(text)


async def spinner():
    i = 1
    while True:
        await asyncio.sleep(0.3)
        print(f"spinner {i}")
        i += 1


async def main():
    spin = asyncio.create_task(spinner())
    await asyncio.gather(load("a.txt"), load("b.txt"), load("c.txt"))
    spin.cancel()


asyncio.run(main())
