import asyncio
from contextvars import ContextVar

request_id = ContextVar("request_id", default="-")


def log(message):
    print(f"[{request_id.get()}] {message}")


async def handle(rid, seconds):
    request_id.set(rid)
    log("started")
    await asyncio.sleep(seconds)
    log(f"finished after {seconds} s")


async def main():
    log("main starts")
    await asyncio.gather(handle("req-1", 0.2), handle("req-2", 0.1))
    log("main ends")


asyncio.run(main())
