import asyncio


class AsyncContextManager:
    async def __aenter__(self):
        print("Entering context")
        # Set-up, e.g. opening a database connection.
        await asyncio.sleep(0.1)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        print("Exiting context")
        # Clean-up, e.g. closing the connection.
        await asyncio.sleep(0.1)
        # True would suppress an exception raised in the block.
        return False


async def main():
    async with AsyncContextManager():
        print("Inside the context")
        await asyncio.sleep(1)
    print("After the block")


if __name__ == "__main__":
    asyncio.run(main())
