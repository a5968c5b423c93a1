import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def transaction(name):
    print(f"{name}: BEGIN")  # before yield: the set-up (__aenter__)
    try:
        yield name  # the block runs here
    except BaseException:
        await asyncio.sleep(0.1)
        print(f"{name}: ROLLBACK")
        raise  # re-raised: the error goes on
    else:
        await asyncio.sleep(0.1)
        print(f"{name}: COMMIT")


@asynccontextmanager
async def best_effort(what):
    try:
        yield
    except TimeoutError:
        # Not re-raised: suppressed.
        print(f"{what}: too slow, skipped")


async def main():
    async with transaction("tx1"):
        await asyncio.sleep(0.2)
        print("tx1: INSERT")
    async with best_effort("tx2"):
        async with asyncio.timeout(0.5):
            async with transaction("tx2"):
                # A slow query, cancelled at 0.5 s.
                await asyncio.sleep(1)
                print("tx2: UPDATE")
    print("main goes on")


if __name__ == "__main__":
    asyncio.run(main())
