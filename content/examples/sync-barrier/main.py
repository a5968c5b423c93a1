import asyncio


async def runner(barrier, name, warm_up):
    await asyncio.sleep(warm_up)
    print(f"{name} ready, {barrier.n_waiting} already waiting")
    index = await barrier.wait()  # until all three are here
    print(f"{name} goes (arrived {index})")


async def main():
    barrier = asyncio.Barrier(3)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(runner(barrier, "Ann", 0.5))
        tg.create_task(runner(barrier, "Ben", 2.0))
        tg.create_task(runner(barrier, "Cat", 1.0))


asyncio.run(main())
