import asyncio


# Three mirrors serve the same file; each answers after its own delay.
async def download(mirror, seconds):
    await asyncio.sleep(seconds)
    return f"{mirror}: 200 OK"


async def main():
    tasks = [
        asyncio.create_task(download("mirror-a", 1.5), name="mirror-a"),
        asyncio.create_task(download("mirror-b", 0.4), name="mirror-b"),
        asyncio.create_task(download("mirror-c", 2.0), name="mirror-c"),
    ]
    # Return as soon as one is done; the others are still pending.
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()  # wait never cancels: we do
    for task in done:
        print(task.result())
    await asyncio.wait(pending)  # let the cancellations finish


asyncio.run(main())
