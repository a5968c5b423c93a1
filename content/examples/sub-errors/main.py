import asyncio
from asyncio.subprocess import PIPE


async def run(*args):
    proc = await asyncio.create_subprocess_exec(*args, stdout=PIPE, stderr=PIPE)
    stdout, stderr = await proc.communicate()
    if proc.returncode != 0:  # no exception: a failed command is a number
        why = stderr.decode().splitlines()[0]
        print(f"{args[0]} failed ({proc.returncode}): {why}")
    else:
        print(f"{args[0]} ok: {stdout.decode().strip()}")


async def main():
    await run("echo", "all good")
    await run("fail", "3", "disk full")
    await run("sleep", "soon")
    try:
        await run("no-such-program")
    except FileNotFoundError as e:
        print(f"{type(e).__name__}: {e}")


asyncio.run(main())
