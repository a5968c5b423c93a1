import asyncio
from asyncio.subprocess import PIPE


async def main():
    # seq 100000 writes 588,895 bytes: far more than a pipe holds.
    proc = await asyncio.create_subprocess_exec("seq", "100000", stdout=PIPE)
    try:
        async with asyncio.timeout(2):
            await proc.wait()  # nobody reads stdout...
    except TimeoutError:
        print(f"wait() gave up; returncode {proc.returncode}")

    stdout, _ = await proc.communicate()  # reads while it waits
    print(f"communicate(): {len(stdout)} bytes, returncode {proc.returncode}")


asyncio.run(main())
