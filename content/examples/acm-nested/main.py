import asyncio


class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0.1)  # e.g. connecting
        print(f"open {self.name}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        # E.g. saying goodbye to the server.
        await asyncio.sleep(0.1)
        seen = exc_type.__name__ if exc_type else "no error"
        print(f"close {self.name} ({seen})")
        return False  # do not suppress: the error goes on


async def main():
    try:
        async with Resource("session") as session, Resource("transaction") as tx:
            print(f"using {session.name} and {tx.name}")
            raise ValueError("bad row")
    except ValueError as e:
        print(f"main caught ValueError: {e}")


if __name__ == "__main__":
    asyncio.run(main())
