import asyncio


async def build():
    # The build runs in a shell: the shell starts the ticker, then echoes.
    proc = await asyncio.create_subprocess_shell("ticker 6 0.5; echo built")
    try:
        return await proc.wait()
    except asyncio.CancelledError:
        proc.terminate()
        print(f"cancelled: the shell exited with {await proc.wait()}")
        raise


async def main():
    try:
        async with asyncio.timeout(1.2):
            await build()
    except TimeoutError:
        print("build given up")
    await asyncio.sleep(3)  # the rest of the program goes on
    print("done")


asyncio.run(main())
