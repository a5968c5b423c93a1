import asyncio


class AsyncContextManager:
    async def __aenter__(self):
        print("Entering context")
        await asyncio.sleep(0.1)  # set-up, e.g. opening a database connection
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        print("Exiting context")
        await asyncio.sleep(0.1)  # clean-up, e.g. closing the connection
        return False  # True would suppress an exception raised in the block


async def main():
    async with AsyncContextManager():
        print("Inside the context")
        await asyncio.sleep(1)
    print("After the block")


if __name__ == "__main__":
    asyncio.run(main())
