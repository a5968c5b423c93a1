import asyncio


async def risky_operation():
    # Assume this is an asynchronous operation that may raise
    await asyncio.sleep(1)
    raise ValueError("Something went wrong!")


async def main():
    try:
        await risky_operation()
    except ValueError as e:
        print(f"Caught an exception: {e}")


asyncio.run(main())
