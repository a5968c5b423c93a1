import asyncio


async def worker(task_id):
    await asyncio.sleep(1)
    return f"Task {task_id} completed"


async def main():
    # For a coroutine, ensure_future does what create_task does: wrap it in a new task.
    task1 = asyncio.ensure_future(worker(1))
    task2 = asyncio.ensure_future(worker(2))
    await asyncio.gather(task1, task2)
    print(task1.result(), task2.result())
    # For something that is already a future, it returns it unchanged.
    print("ensure_future(task1) is task1:", asyncio.ensure_future(task1) is task1)


asyncio.run(main())
