import asyncio
from asyncio.subprocess import PIPE


async def main():
    # A build that reports progress: one line every half second.
    proc = await asyncio.create_subprocess_exec("ticker", "4", "0.5", stdout=PIPE)
    async for line in proc.stdout:
        print(f"progress: {line.decode().rstrip()}")
    print(f"build finished with {await proc.wait()}")


asyncio.run(main())
