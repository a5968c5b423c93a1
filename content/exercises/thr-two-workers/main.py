import asyncio
import time


# A report query: it blocks its thread for 0.3 s.
def read_report(name):
    time.sleep(0.3)
    return f"report {name}: 12 rows"


# The database takes at most two connections from this program.
async def fetch(name):
    report = await asyncio.to_thread(read_report, name)
    print(report)


async def main():
    await asyncio.gather(*(fetch(name) for name in "ABCDEF"))


asyncio.run(main())
