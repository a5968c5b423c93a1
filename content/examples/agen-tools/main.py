import asyncio


async def ticks(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i


async def square(x):
    await asyncio.sleep(0.1)
    return x * x


async def main():
    gen = ticks(5, 0.2)
    first = await anext(gen)  # one item, by hand (Python 3.10+)
    print(f"first: {first}")
    # The same generator: the other four.
    rest = [i async for i in gen]
    print(f"rest: {rest}")
    evens = [i async for i in ticks(6, 0.1) if i % 2 == 0]
    print(f"evens: {evens}")
    # Awaited one after another.
    squares = [await square(i) for i in range(3)]
    print(f"squares: {squares}")
    # A default, not StopAsyncIteration.
    print(await anext(ticks(0, 0.1), "nothing left"))


if __name__ == "__main__":
    asyncio.run(main())
