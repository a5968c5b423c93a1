import asyncio
from asyncio.subprocess import PIPE


async def main():
    # A job that should take a second or two, but this time it hangs on.
    proc = await asyncio.create_subprocess_exec("ticker", "10", "1", stdout=PIPE)
    try:
        async with asyncio.timeout(3):
            stdout, _ = await proc.communicate()
    except TimeoutError:
        proc.kill()
        await proc.wait()
        print(f"gave up; returncode {proc.returncode}")
        return
    print(f"got {len(stdout.splitlines())} lines, returncode {proc.returncode}")


asyncio.run(main())
