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
    # The cache answered: cancel the database lookup, then wait for it to finish cancelling,
    # so its finally block has closed the connection before we go on.
    database.cancel()
    try:
        await database
    except asyncio.CancelledError:
        pass
    print("done")


asyncio.run(main())
