import asyncio
from contextlib import AsyncExitStack, asynccontextmanager


@asynccontextmanager
async def connect(host):
    await asyncio.sleep(0.1)  # connecting
    if host == "db3":
        raise ConnectionError(f"{host} refused the connection")
    print(f"connected to {host}")
    try:
        yield host
    finally:
        await asyncio.sleep(0.1)  # a polite goodbye
        print(f"disconnected from {host}")


async def query_all(hosts):
    async with AsyncExitStack() as stack:
        conns = [await stack.enter_async_context(connect(host)) for host in hosts]
        print(f"querying {', '.join(conns)}")
        await asyncio.sleep(0.5)
    print("all closed")


async def main():
    await query_all(["db1", "db2"])
    try:
        await query_all(["db1", "db2", "db3"])
    except ConnectionError as e:
        print(f"failed: {e}")


if __name__ == "__main__":
    asyncio.run(main())
