import asyncio

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
    lines = []
    async for line in log_lines():
        lines.append(line)
    for line in [x for x in lines if x.startswith("ERROR")][:2]:
        print(line)


asyncio.run(main())
