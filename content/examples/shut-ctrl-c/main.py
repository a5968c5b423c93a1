import asyncio

import simulated


async def sync_files():
    try:
        for n in range(1, 100):
            await asyncio.sleep(0.4)
            print(f"synced file {n}")
    finally:
        print("sync stopped")


async def main():
    simulated.send_signal("SIGINT", at=1.0)  # the user presses Ctrl-C at 1 s
    sync = asyncio.create_task(sync_files())
    try:
        await asyncio.sleep(3600)
    except Exception:
        print("except Exception caught it")
    finally:
        print("main cleans up; sync still running:", not sync.done())
        await asyncio.sleep(0.3)
        print("main's cleanup done")


asyncio.run(main())
