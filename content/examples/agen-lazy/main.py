import asyncio


async def ticker(n):
    print("ticker: started")
    for i in range(1, n + 1):
        await asyncio.sleep(1)
        print(f"ticker: yielding {i}")
        yield i
        print(f"ticker: resumed after {i}")
    print("ticker: finished")


async def main():
    gen = ticker(2)  # runs nothing yet
    print("main: generator made")
    await asyncio.sleep(0.5)
    async for i in gen:
        print(f"main: got {i}")
        await asyncio.sleep(0.5)  # the consumer's own work
    print("main: done")


if __name__ == "__main__":
    asyncio.run(main())
