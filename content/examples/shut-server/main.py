import asyncio
import signal

import simulated

# When each client connects (seconds) and how long its request takes to answer.
ARRIVALS = [(0.0, 0.5), (0.3, 2.5), (0.6, 0.8), (0.9, 3.0), (1.2, 0.4), (1.5, 0.5)]
handlers = []


async def handle(n, seconds):
    print(f"request {n}: needs {seconds:.1f} s")
    try:
        await asyncio.sleep(seconds)
        print(f"request {n}: answered")
    except asyncio.CancelledError:
        print(f"request {n}: cut off")
        raise


async def accept_loop():
    loop = asyncio.get_running_loop()
    start = loop.time()  # loop.time() counts from an arbitrary point (at home, the boot)
    for n, (at, seconds) in enumerate(ARRIVALS, 1):
        await asyncio.sleep(start + at - loop.time())  # wait for the next client
        handlers.append(asyncio.create_task(handle(n, seconds)))


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    simulated.send_signal("SIGTERM", at=1.0)

    accepting = asyncio.create_task(accept_loop())
    await stop.wait()
    accepting.cancel()  # 1. stop accepting
    in_flight = [t for t in handlers if not t.done()]
    print(f"SIGTERM: closed to new clients, {len(in_flight)} requests in flight")
    done, pending = await asyncio.wait(in_flight, timeout=1.0)  # 2. drain, 1 s at most
    for task in pending:  # 3. cancel the rest
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    print(f"{len(done)} drained, {len(pending)} cut off")


asyncio.run(main())
