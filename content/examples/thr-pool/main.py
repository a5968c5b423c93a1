import asyncio
import time
from concurrent.futures import ThreadPoolExecutor


def read_report(name):
    # a blocking call: a sync database driver,
    # a legacy SDK, a file on a network drive
    time.sleep(0.3)
    return f"report {name}"


async def fetch(pool, name):
    loop = asyncio.get_running_loop()
    print(f"submit {name}")
    report = await loop.run_in_executor(
        pool, read_report, name
    )
    print(f"got {report}")
    return report


async def main():
    # two threads: two blocking calls at a time
    with ThreadPoolExecutor(max_workers=2) as pool:
        reports = await asyncio.gather(
            *(fetch(pool, name) for name in "ABCD")
        )
    print(f"all {len(reports)} reports in")


asyncio.run(main())
