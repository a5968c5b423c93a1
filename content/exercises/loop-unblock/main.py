import asyncio
import time


# A synchronous HTTP call, like requests.get: it holds the whole loop until the
# reply arrives (time.sleep: no other task runs meanwhile).
def get_blocking(url, seconds):
    time.sleep(seconds)
    return f"{url}: 200 OK"


async def fetch_page(url, seconds):
    reply = get_blocking(url, seconds)
    return reply


async def main():
    lines = await asyncio.gather(
        fetch_page("a.example", 1),
        fetch_page("b.example", 1),
        fetch_page("c.example", 1),
    )
    for line in lines:
        print(line)


asyncio.run(main())
