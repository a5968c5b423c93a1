import asyncio
from asyncio.subprocess import PIPE


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    # ticker 4 0.5 prints "tick 1" … "tick 4", one line every half second.
    proc = await asyncio.create_subprocess_exec("ticker", "4", "0.5", stdout=PIPE)
    async for line in proc.stdout:  # each line as soon as the child writes it
        print(f"{loop.time() - start:.1f}s  {line.decode().rstrip()}")
    print(f"end of output; returncode {await proc.wait()}")


asyncio.run(main())
