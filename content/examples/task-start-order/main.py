import asyncio


async def child(name):
    print(f"{name}: started")
    await asyncio.sleep(0.5)
    print(f"{name}: finished")


async def main():
    print("main: creating A")
    a = asyncio.create_task(child("A"))
    print("main: creating B")
    b = asyncio.create_task(child("B"))
    print("main: awaiting A")
    await a
    print("main: A is done")
    await b
    print("main: B is done")


asyncio.run(main())
