import asyncio


async def worker():
    try:
        for job in range(1, 10):
            try:
                await asyncio.sleep(0.5)  # a job
                if job == 2:
                    raise ValueError("job 2 failed")
                print(f"good: job {job} done")
            except Exception as e:  # not CancelledError: a BaseException
                print(f"good: {e}, going on")
    finally:
        print("good: cleaning up")


async def swallowing_worker():
    for job in range(1, 5):
        try:
            await asyncio.sleep(0.5)  # a job
            print(f"bad: job {job} done")
        except BaseException as e:  # wrong: catches the cancellation too
            print(f"bad: swallowed {type(e).__name__}")


async def main():
    good = asyncio.create_task(worker())
    bad = asyncio.create_task(swallowing_worker())
    await asyncio.sleep(1.2)
    print("main: cancel both")
    good.cancel()
    bad.cancel()
    await asyncio.wait([good, bad])
    print("good cancelled:", good.cancelled())
    print("bad cancelled:", bad.cancelled())


asyncio.run(main())
