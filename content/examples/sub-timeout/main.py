import asyncio
from asyncio.subprocess import PIPE


async def run_with_timeout(seconds, *args):
    proc = await asyncio.create_subprocess_exec(*args, stdout=PIPE)
    try:
        async with asyncio.timeout(seconds):
            stdout, _ = await proc.communicate()
    except TimeoutError:
        proc.kill()  # SIGKILL: the child cannot refuse
        await proc.wait()  # reap it: the exit status is read, nothing is left behind
        print(f"{args[0]} took too long; killed, returncode {proc.returncode}")
        return None
    print(f"{args[0]} finished: {stdout.decode().split()}")
    return stdout


async def main():
    await run_with_timeout(2, "ticker", "3", "0.5")
    await run_with_timeout(2, "ticker", "10", "0.5")


asyncio.run(main())
