import asyncio
from asyncio.subprocess import PIPE


async def main():
    # A job that should take a second or two, but this time it hangs on.
    proc = await asyncio.create_subprocess_exec("ticker", "10", "1", stdout=PIPE)
    stdout, _ = await proc.communicate()
    print(f"got {len(stdout.splitlines())} lines, returncode {proc.returncode}")


asyncio.run(main())
