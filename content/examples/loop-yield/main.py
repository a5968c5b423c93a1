import asyncio


def checksum(block):
    # Pure CPU work: no await in here, so nothing else can run until it returns.
    return sum(i * block for i in range(100_000)) % 1_000_003


async def crunch(name, blocks):
    for block in range(1, blocks + 1):
        checksum(block)
        print(f"{name}: block {block} done")
        # a bare yield: others get a turn
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(crunch("A", 3), crunch("B", 3))


asyncio.run(main())
