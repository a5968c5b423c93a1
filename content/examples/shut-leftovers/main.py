import asyncio


async def heartbeat():
    try:
        while True:
            print("beat")
            await asyncio.sleep(0.4)
    finally:
        print("heartbeat stopped")


async def send_report():
    try:
        await asyncio.sleep(2)
        print("report sent")
    except asyncio.CancelledError:
        print("report cancelled: never sent")
        raise


async def main():
    beat = asyncio.create_task(heartbeat())
    report = asyncio.create_task(send_report())
    await asyncio.sleep(1)
    running = [t for t in (beat, report) if not t.done()]
    print(f"main returns, {len(running)} tasks still running")


asyncio.run(main())
