import asyncio


# Looks up a price; the finally block runs however the lookup ends.
async def lookup(source, seconds):
    try:
        await asyncio.sleep(seconds)
        return f"{source}: price is 42"
    finally:
        print(f"{source}: connection closed")


async def main():
    cache = asyncio.create_task(lookup("cache", 0.3), name="cache")
    database = asyncio.create_task(lookup("database", 5), name="database")
    print(await cache)
    # The cache answered, so the database lookup is no longer needed... but this waits for it.
    await database
    print("done")


asyncio.run(main())
