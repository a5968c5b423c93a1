import asyncio


async def async_generator():
    for i in range(5):
        # Stands in for an asynchronous operation.
        await asyncio.sleep(1)
        yield i


async def main():
    async for value in async_generator():
        print(value)


if __name__ == "__main__":
    asyncio.run(main())
