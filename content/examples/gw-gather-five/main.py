import asyncio
import time


async def worker(task_id):
    await asyncio.sleep(0.2 * (task_id + 1))  # 0.2 s to 1.0 s
    print(f"Task {task_id} completed")
    return task_id * 10


async def main():
    start = time.perf_counter()
    tasks = [worker(i) for i in range(5)]
    results = await asyncio.gather(*tasks)
    print(results)
    print(f"took {time.perf_counter() - start:.1f}s")


asyncio.run(main())
