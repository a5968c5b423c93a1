import asyncio
import time


def flush_metrics():
    time.sleep(0.6)  # writes to disk, blocking
    print("metrics flushed")


async def main():
    loop = asyncio.get_running_loop()
    print(f"debug mode: {loop.get_debug()}")
    loop.slow_callback_duration = 0.5  # report only what holds the loop 0.5 s or more
    loop.call_later(0.5, flush_metrics)
    time.sleep(0.3)  # under the threshold: not reported
    await asyncio.sleep(2)
    print("done")


asyncio.run(main(), debug=True)
