import asyncio


async def producer(queue):
    for n in range(1, 7):
        await queue.put(n)  # waits while the queue is full
        print(f"put job {n}, {queue.qsize()} queued")


async def consumer(queue, name):
    while True:
        n = await queue.get()  # waits while the queue is empty
        try:
            await asyncio.sleep(1)  # the work
            print(f"{name} finished job {n}")
        finally:
            queue.task_done()  # one fewer unfinished job


async def main():
    queue = asyncio.Queue(maxsize=2)
    consumers = [asyncio.create_task(consumer(queue, f"c{i}")) for i in (1, 2)]
    await producer(queue)
    print("all jobs queued")
    await queue.join()  # until task_done() was called for every job
    print("all jobs finished")
    for task in consumers:
        task.cancel()  # they would wait for more forever


asyncio.run(main())
