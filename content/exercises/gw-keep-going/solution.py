import asyncio


# Resizes one image; image 3 is corrupt.
async def resize(n):
    await asyncio.sleep(0.2 * n)
    if n == 3:
        raise ValueError(f"image {n} is corrupt")
    return f"image {n} resized"


async def main():
    # return_exceptions: a failure becomes that slot's result instead of propagating.
    results = await asyncio.gather(
        resize(1), resize(2), resize(3), resize(4), resize(5),
        return_exceptions=True,
    )
    for result in results:
        if isinstance(result, Exception):
            print(f"failed: {result}")
        else:
            print(result)


asyncio.run(main())
