import asyncio


async def save_checkpoint(position):
    await asyncio.sleep(0.3)  # a write to the database
    print(f"checkpoint saved at row {position}")


async def import_rows():
    position = 0
    try:
        while True:
            await asyncio.sleep(0.1)  # one row imported
            position += 1
    finally:
        print(f"import stopped at row {position}")
        await save_checkpoint(position)


async def main():
    importer = asyncio.create_task(import_rows())
    await asyncio.sleep(1.05)
    importer.cancel()
    try:
        await asyncio.wait_for(importer, timeout=0.2)  # shutdown waits 0.2 s at most
    except TimeoutError:
        print("shutdown: stopped waiting for the import")
    print("shutdown: closing the database")


asyncio.run(main())
