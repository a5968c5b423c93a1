import asyncio

CACHE = {"EUR": 1.08}


async def live_rate(currency, seconds):
    await asyncio.sleep(seconds)  # the rates service answers
    return 1.09


async def rate(currency, seconds):
    try:
        async with asyncio.timeout(0.5):
            return await live_rate(currency, seconds)
    except TimeoutError:  # raised as the block is left
        print(f"{currency}: live rate too slow, using the cache")
        return CACHE[currency]


async def main():
    print("fast service:", await rate("EUR", 0.2))
    print("slow service:", await rate("EUR", 2.0))

    try:
        async with asyncio.timeout(1.0):  # one deadline for all the steps
            for step in (1, 2, 3):
                await asyncio.sleep(0.4)
                print(f"step {step} done")
    except TimeoutError:
        print("gave up: over 1 s for all steps")


asyncio.run(main())
