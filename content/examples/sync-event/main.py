import asyncio

config = {}


async def worker(name, ready):
    print(f"{name} waits for the config")
    await ready.wait()  # returns at once if the event is already set
    print(f"{name} starts in {config['mode']} mode")


async def main():
    ready = asyncio.Event()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker("w1", ready))
        tg.create_task(worker("w2", ready))
        await asyncio.sleep(1)  # loading the config
        config["mode"] = "fast"
        print("config loaded")
        ready.set()  # wakes every waiter; it stays set
        await asyncio.sleep(0.5)
        tg.create_task(worker("w3", ready))


asyncio.run(main())
