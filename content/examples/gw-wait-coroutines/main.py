import asyncio


async def job(n):
    await asyncio.sleep(1)
    return n


async def main():
    try:
        await asyncio.wait([job(1), job(2)])  # bare coroutines
    except TypeError as e:
        print("TypeError:", e)

    tasks = [asyncio.create_task(job(1)), asyncio.create_task(job(2))]
    done, pending = await asyncio.wait(tasks)  # tasks: fine
    print(len(done), "done,", len(pending), "pending")


asyncio.run(main())
