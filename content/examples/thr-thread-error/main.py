import asyncio
import sqlite3
import time

# seconds each save blocks its thread
SAVE_TIME = {"/json": 0.2, "/uuid": 0.3, "/ip": 0.4}


def save_to_database(url):
    # stands in for sqlite3: connect, INSERT, commit
    time.sleep(SAVE_TIME[url])
    if url == "/ip":
        raise sqlite3.OperationalError("database is locked")
    return 1


async def process(url):
    try:
        rows = await asyncio.to_thread(save_to_database, url)
    except sqlite3.OperationalError as e:
        # raised in the thread, re-raised at the await
        print(f"{url}: {type(e).__name__}: {e}")
    else:
        print(f"{url}: saved {rows} row")


async def main():
    await asyncio.gather(*(process(u) for u in SAVE_TIME))
    print("every task got its answer")


asyncio.run(main())
