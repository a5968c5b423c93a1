import asyncio
from contextvars import Context, ContextVar

request_id = ContextVar("request_id", default="-")
background = set()


def log(message):
    print(f"[{request_id.get()}] {message}")


async def send_metrics():
    log("sending metrics")
    await asyncio.sleep(0.3)
    log("metrics sent")


async def handle(rid):
    token = request_id.set(rid)
    try:
        log("handling")
        # Belongs to no request: start it in a new, empty context (3.11+).
        background.add(asyncio.create_task(send_metrics(), context=Context()))
        await asyncio.sleep(0.1)
        log("handled")
    finally:
        request_id.reset(token)


async def main():
    await handle("req-7")
    log("back in main")
    await asyncio.gather(*background)


asyncio.run(main())
