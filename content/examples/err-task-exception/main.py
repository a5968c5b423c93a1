import asyncio


async def fetch_user():
    await asyncio.sleep(1)
    raise ConnectionError("user service down")


async def log_visit():
    await asyncio.sleep(0.5)
    raise ValueError("log disk full")


async def main():
    asyncio.create_task(log_visit())  # fire and forget: nobody keeps it
    task = asyncio.create_task(fetch_user())
    print(f"{task.get_name()} started")
    await asyncio.sleep(3)
    print("3 s later, main awaits the task")
    try:
        await task  # the task's exception is raised here
    except ConnectionError as e:
        print(f"caught: {e}")


asyncio.run(main())
