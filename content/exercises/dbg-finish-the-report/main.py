import asyncio


async def heartbeat():
    while True:
        print("beat")
        await asyncio.sleep(1)


async def save_report():
    print("saving report")
    await asyncio.sleep(2.5)
    print("report saved")


loop = asyncio.new_event_loop()
loop.create_task(heartbeat())
loop.create_task(save_report())
loop.call_later(2, loop.stop)  # guessed: "the report takes about 2 s"
loop.run_forever()
loop.close()
