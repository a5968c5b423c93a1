import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return f"{name} ({delay}s)"


async def main():
    # gather: awaitables as separate arguments; returns their results, in order.
    t1 = asyncio.create_task(job("A", 2))
    t2 = asyncio.create_task(job("B", 1))
    results = await asyncio.gather(t1, t2)
    print("gather returned", results)

    # wait: one iterable of tasks; returns two sets of tasks, (done, pending).
    tasks = [asyncio.create_task(job("C", 2)), asyncio.create_task(job("D", 1))]
    done, pending = await asyncio.wait(tasks)
    print("wait returned", len(done), "done and", len(pending), "pending")
    # Sets have no order: read each task's result, in the order you choose.
    print("results:", [task.result() for task in tasks])


asyncio.run(main())
