import asyncio
import threading

local = threading.local()  # one per thread, and every task runs on this one


async def handle(rid, seconds):
    local.request_id = rid
    await asyncio.sleep(seconds)
    print(f"{rid} finishing, threading.local says {local.request_id}")


async def main():
    await asyncio.gather(handle("req-1", 0.2), handle("req-2", 0.1))


asyncio.run(main())
