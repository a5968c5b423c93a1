import asyncio
from asyncio.subprocess import PIPE

JOBS = [("a", "1.5"), ("b", "0.5"), ("c", "0.75"), ("d", "0.5"), ("e", "1")]


async def convert(name, seconds, limit):
    async with limit:  # at most two children at a time
        print(f"start {name}")
        proc = await asyncio.create_subprocess_exec("sleep", seconds, stdout=PIPE)
        await proc.communicate()
        print(f"done  {name} ({seconds}s), returncode {proc.returncode}")
        return name


async def main():
    limit = asyncio.Semaphore(2)
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(convert(name, s, limit)) for name, s in JOBS]
    print([t.result() for t in tasks])


asyncio.run(main())
