import asyncio
import signal

import simulated

DURATIONS = {"job-1": 0.6, "job-2": 1.5, "job-3": 0.6, "job-4": 0.5, "job-5": 0.7}


async def worker(name, jobs):
    while (job := await jobs.get()) is not None:
        print(f"{name} starts {job}")
        await asyncio.sleep(DURATIONS[job])
        print(f"{name} finished {job}")
    print(f"{name} exits")


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    simulated.send_signal("SIGTERM", at=1.0)  # `kill <pid>` at 1 s

    jobs = asyncio.Queue()
    for job in DURATIONS:
        jobs.put_nowait(job)
    workers = [asyncio.create_task(worker(f"w{i}", jobs)) for i in (1, 2)]

    await stop.wait()
    left = []
    while not jobs.empty():
        left.append(jobs.get_nowait())
    print(f"SIGTERM: {', '.join(left)} put back for the next run")
    for _ in workers:
        jobs.put_nowait(None)  # one "no more jobs" for each worker
    await asyncio.gather(*workers)
    print("all workers stopped")


asyncio.run(main())
