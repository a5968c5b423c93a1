import asyncio

import simulated

buffer = []


async def flush():
    await asyncio.sleep(0.1)  # one write to storage
    print(f"flushed {len(buffer)} events")
    buffer.clear()


async def main():
    simulated.send_signal("SIGINT", at=2.5)  # someone stops the service at 2.5 s
    n = 0
    while True:
        await asyncio.sleep(0.2)  # the next event arrives
        n += 1
        buffer.append(n)
        if len(buffer) == 5:
            await flush()


asyncio.run(main())
