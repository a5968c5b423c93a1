import asyncio


# One layer of a connection stack. Closing a layer says goodbye through the
# layer below it, so that layer must still be open.
class Layer:
    def __init__(self, name, below):
        self.name = name
        self.below = below
        self.closed = False

    @classmethod
    async def open(cls, name, below):
        await asyncio.sleep(0.1)
        print(f"open {name}")
        return cls(name, below)

    async def close(self):
        if self.below is not None and self.below.closed:
            print(f"{self.name}: cannot say goodbye, {self.below.name} is already closed")
            return
        await asyncio.sleep(0.1)
        self.closed = True
        print(f"close {self.name}")


async def main():
    connection = await Layer.open("connection", None)
    session = await Layer.open("session", connection)
    transaction = await Layer.open("transaction", session)
    print("work done")
    await connection.close()
    await session.close()
    await transaction.close()


asyncio.run(main())
