import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name} failed")
    print(f"{name} done")
    return name


async def main():
    try:
        await asyncio.gather(job("a", 1), job("b", 0.5, fail=True), job("c", 2))
    except ValueError as e:
        print("gather raised:", e)
    await asyncio.sleep(2)  # a and c were not cancelled: watch them finish

    results = await asyncio.gather(
        job("d", 1), job("e", 0.5, fail=True), return_exceptions=True
    )
    print("with return_exceptions:", results)


asyncio.run(main())
