import asyncio


async def worker():
    for job in range(1, 11):
        try:
            await asyncio.sleep(0.5)
            if job == 2:
                raise ValueError("bad input")
            print(f"job {job} done")
        except BaseException as e:  # catches everything, as a JavaScript catch does
            print(f"job {job} failed: {type(e).__name__}, going on")
    print("worker: all jobs done")


async def main():
    task = asyncio.create_task(worker(), name="worker")
    await asyncio.sleep(1.2)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("worker stopped")


asyncio.run(main())
