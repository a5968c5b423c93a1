import asyncio


async def heartbeat():
    while True:
        print("beat")
        await asyncio.sleep(1)


async def save_report():
    print("saving report")
    await asyncio.sleep(5)  # would finish at 5 s: the loop is closed long before
    print("report saved")


# Old-style code that runs its own loop instead of asyncio.run(): nothing
# cancels or finishes the tasks still pending when the loop stops.
loop = asyncio.new_event_loop()
loop.create_task(heartbeat())
loop.create_task(save_report())
loop.call_later(2.5, loop.stop)
loop.run_forever()
print("loop stopped")
loop.close()
