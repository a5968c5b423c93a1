import asyncio


async def heartbeat():
    while True:
        print("beat")
        await asyncio.sleep(1)


async def save_report():
    print("saving report")
    await asyncio.sleep(2.5)
    print("report saved")


async def main():
    beat = asyncio.create_task(heartbeat())
    await save_report()  # as long as it takes
    beat.cancel()


asyncio.run(main())
