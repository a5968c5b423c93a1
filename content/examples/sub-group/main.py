import asyncio
import os
import signal

SCRIPT = "ticker 4 0.5; echo done"  # a shell, and the ticker it starts


async def run(stop, **options):
    proc = await asyncio.create_subprocess_shell(SCRIPT, **options)
    try:
        return await proc.wait()
    except asyncio.CancelledError:
        stop(proc)
        print(f"cancelled: the shell exited with {await proc.wait()}")
        raise


async def main():
    print("terminate(): the shell only")
    try:
        async with asyncio.timeout(1.2):
            await run(lambda proc: proc.terminate())
    except TimeoutError:
        pass
    await asyncio.sleep(1.5)  # the ticker was not told: it runs on

    print("killpg(): the shell's whole process group")
    try:
        async with asyncio.timeout(1.2):
            await run(lambda proc: os.killpg(proc.pid, signal.SIGTERM), start_new_session=True)
    except TimeoutError:
        pass
    await asyncio.sleep(1.5)
    print("no tick since")


asyncio.run(main())
