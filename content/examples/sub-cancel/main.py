import asyncio
from asyncio.subprocess import PIPE


async def stop(proc, grace):
    proc.terminate()  # SIGTERM: please stop (a program may catch or ignore it)
    try:
        async with asyncio.timeout(grace):
            return await proc.wait()
    except TimeoutError:
        proc.kill()  # SIGKILL: stop now
        return await proc.wait()


async def watch(*args):
    proc = await asyncio.create_subprocess_exec(*args, stdout=PIPE)
    try:
        async for line in proc.stdout:
            print(line.decode().rstrip())
    except asyncio.CancelledError:
        code = await stop(proc, grace=0.5)
        print(f"cancelled: {args[0]} stopped with {code}")
        raise
    return await proc.wait()


async def main():
    for args in (("ticker", "10", "0.5"), ("stubborn", "10")):
        task = asyncio.create_task(watch(*args))
        await asyncio.sleep(1.2)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            print(f"task cancelled: {task.cancelled()}")


asyncio.run(main())
