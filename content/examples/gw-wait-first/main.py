import asyncio


async def job(delay):
    await asyncio.sleep(delay)
    print(f"finished after {delay}s")


def names(tasks):
    return sorted(task.get_name() for task in tasks)


async def main():
    tasks = [
        asyncio.create_task(job(2), name="A"),
        asyncio.create_task(job(1), name="B"),
        asyncio.create_task(job(3), name="C"),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first completed:", names(done), "pending:", names(pending))

    done, pending = await asyncio.wait(pending, timeout=1.5)
    print("timeout: done", names(done), "still pending:", names(pending))

    for task in pending:
        task.cancel()  # wait never cancels: that is our job
    done, pending = await asyncio.wait(tasks)
    print("cancelled:", [task.get_name() for task in tasks if task.cancelled()])


asyncio.run(main())
