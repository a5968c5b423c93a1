import asyncio
import time


async def worker(task_id):
    await asyncio.sleep(1)
    return f"Task {task_id} completed"


async def main():
    start = time.perf_counter()
    task1 = asyncio.create_task(worker(1))
    task2 = asyncio.create_task(worker(2))
    await asyncio.gather(task1, task2)
    print(task1.result(), task2.result())
    print(f"both done in {time.perf_counter() - start:.1f}s")


asyncio.run(main())
