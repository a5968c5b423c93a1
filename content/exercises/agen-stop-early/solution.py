import asyncio
from contextlib import aclosing

LOG = [
    ["INFO start", "WARN disk 80%", "ERROR disk full"],
    ["INFO retry", "ERROR write failed", "INFO ok"],
    ["INFO ok", "ERROR timeout", "INFO ok"],
    ["INFO ok", "INFO ok", "ERROR crash"],
]


# Reads the log one page at a time (a second per page) and yields its lines.
async def log_lines():
    pages = 0
    try:
        for page in LOG:
            await asyncio.sleep(1)
            pages += 1
            for line in page:
                yield line
    finally:
        print(f"log closed after {pages} of {len(LOG)} pages")


async def main():
    errors = 0
    # aclosing closes the generator when the block is left: its finally runs now,
    # and the pages after this one are never read.
    async with aclosing(log_lines()) as lines:
        async for line in lines:
            if not line.startswith("ERROR"):
                continue
            print(line)
            errors += 1
            if errors == 2:
                break


asyncio.run(main())
