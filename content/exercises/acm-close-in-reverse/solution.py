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

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.close()


async def main():
    # Nested async with blocks exit in reverse order: the last opened closes first.
    async with (
        await Layer.open("connection", None) as connection,
        await Layer.open("session", connection) as session,
        await Layer.open("transaction", session),
    ):
        print("work done")


asyncio.run(main())
