import asyncio


async def worker():
    print("worker: started, waiting for data")
    try:
        await asyncio.sleep(10)
        print("worker: got the data")  # never printed
    except asyncio.CancelledError as e:
        print(f"worker: CancelledError at the await: {e}")
        raise  # let the cancellation finish the task
    finally:
        print("worker: closing the connection (finally)")


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(1)
    print("main: cancel() returned", task.cancel("user pressed stop"))
    print("main: done right after cancel()?", task.done())
    try:
        await task
    except asyncio.CancelledError:
        print("main: task cancelled?", task.cancelled())


asyncio.run(main())
