import asyncio
from asyncio.subprocess import PIPE


async def main():
    # A build that reports progress: one line every half second.
    proc = await asyncio.create_subprocess_exec("ticker", "4", "0.5", stdout=PIPE)
    stdout, _ = await proc.communicate()
    for line in stdout.decode().splitlines():
        print(f"progress: {line}")
    print(f"build finished with {proc.returncode}")


asyncio.run(main())
