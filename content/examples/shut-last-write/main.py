import asyncio

last_writes = []


async def save(what):
    await asyncio.sleep(0.3)  # one round trip to the database
    print(f"saved {what}")


async def job(name, shielded):
    done = 0
    try:
        while True:
            await asyncio.sleep(0.2)
            done += 1
    finally:
        print(f"{name}: stopped after {done} items, saving")
        if shielded:
            write = asyncio.create_task(save(f"{name}'s {done} items"))
            last_writes.append(write)
            await asyncio.shield(write)
        else:
            await save(f"{name}'s {done} items")


async def stop(task, name):
    task.cancel()
    try:
        await asyncio.wait_for(task, timeout=0.1)  # its cleanup gets 0.1 s, no more
    except TimeoutError:
        print(f"gave up waiting for {name}")


async def main():
    plain = asyncio.create_task(job("plain", False))
    shielded = asyncio.create_task(job("shielded", True))
    await asyncio.sleep(1.05)
    await stop(plain, "plain")
    await stop(shielded, "shielded")
    await asyncio.gather(*last_writes)  # the writes that outlived their task
    print("main returns")


asyncio.run(main())
