import asyncio
import signal

import simulated

# The requests in flight, and how long each still needs (seconds).
REQUESTS = {"a": 0.3, "b": 0.9, "c": 0.5, "d": 2.0}


async def handle(rid, seconds):
    try:
        await asyncio.sleep(seconds)
        print(f"{rid}: answered")
    except asyncio.CancelledError:
        print(f"{rid}: cut off")
        raise


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    simulated.send_signal("SIGTERM", at=0.1)
    handlers = [asyncio.create_task(handle(rid, s)) for rid, s in REQUESTS.items()]

    await stop.wait()
    print("SIGTERM: shutting down")
    for task in handlers:
        task.cancel()
    await asyncio.gather(*handlers, return_exceptions=True)
    print("bye")


asyncio.run(main())
