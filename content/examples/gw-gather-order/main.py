import asyncio


async def task(name, delay):
    print(f"Executing task {name}")
    await asyncio.sleep(delay)
    print(f"Task {name} finished")
    return f"{name} done"


async def main():
    tasks = [task("A", 2), task("B", 1), task("C", 3)]
    results = await asyncio.gather(*tasks)
    print(results)


asyncio.run(main())
