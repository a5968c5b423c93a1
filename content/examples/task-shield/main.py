import asyncio


async def save(order):
    print(f"save: writing {order}")
    await asyncio.sleep(2)
    print(f"save: {order} is on disk")


async def handle_request():
    await asyncio.shield(save("order #42"))
    print("handler: replying")  # never printed


async def main():
    handler = asyncio.create_task(handle_request())
    await asyncio.sleep(1)
    handler.cancel()  # the client hung up
    try:
        await handler
    except asyncio.CancelledError:
        print("main: handler cancelled")
    await asyncio.sleep(1.5)  # the save goes on
    print("main: exiting")


asyncio.run(main())
