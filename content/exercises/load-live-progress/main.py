import asyncio

done = 0


async def request(sem):
    global done
    async with sem:
        await asyncio.sleep(0.35)  # the request
        done += 1


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(request(sem) for _ in range(16)))
    print(f"done {done}")


asyncio.run(main())
