import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


# A report query: it blocks its thread for 0.3 s.
def read_report(name):
    time.sleep(0.3)
    return f"report {name}: 12 rows"


# The database takes at most two connections from this program:
# a pool of two threads runs at most two queries at a time.
workers = ThreadPoolExecutor(max_workers=2)


async def fetch(name):
    loop = asyncio.get_running_loop()
    report = await loop.run_in_executor(workers, read_report, name)
    print(report)


async def main():
    with workers:
        await asyncio.gather(*(fetch(name) for name in "ABCDEF"))


asyncio.run(main())
