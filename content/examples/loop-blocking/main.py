import asyncio
import time


async def task_func():
    await asyncio.sleep(1)
    print("task_func: sending the request")
    # stands in for requests.get(url):
    # the whole loop stops here
    time.sleep(2)
    print("task_func: got the response")


async def heartbeat():
    loop = asyncio.get_running_loop()
    last = loop.time()
    for i in range(1, 7):
        await asyncio.sleep(0.4)
        now = loop.time()
        print(f"heartbeat {i} ({now - last:.1f} s gap)")
        last = now


async def main():
    await asyncio.gather(task_func(), heartbeat())


asyncio.run(main())
