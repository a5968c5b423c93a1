import asyncio


async def worker(task_id):
    await asyncio.sleep(1)
    return f"Task {task_id} completed"


async def main():
    # Given a coroutine: a new task, like create_task.
    task1 = asyncio.ensure_future(worker(1))
    task2 = asyncio.ensure_future(worker(2))
    await asyncio.gather(task1, task2)
    print(task1.result(), task2.result())
    # Given a future or task: that same object.
    print("same task:", asyncio.ensure_future(task1) is task1)


asyncio.run(main())
