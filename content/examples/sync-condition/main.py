import asyncio


async def consumer(cond, items, name, need):
    async with cond:
        # releases the lock while it waits; holds it again when it returns
        await cond.wait_for(lambda: len(items) >= need)
        taken = [items.pop(0) for _ in range(need)]
        print(f"{name} takes {taken}")


async def producer(cond, items):
    for i in range(1, 6):
        await asyncio.sleep(0.5)  # making the next item
        async with cond:
            items.append(i)
            print(f"put {i}")
            cond.notify_all()  # every waiter checks its condition again


async def main():
    cond = asyncio.Condition()
    items = []
    async with asyncio.TaskGroup() as tg:
        tg.create_task(consumer(cond, items, "a", 2))
        tg.create_task(consumer(cond, items, "b", 3))
        tg.create_task(producer(cond, items))


asyncio.run(main())
