import asyncio
from concurrent.futures import ProcessPoolExecutor


def cpu_intensive_task(n):
    # pure Python arithmetic: it holds the GIL
    # for as long as it runs
    total = 0
    for i in range(n * 1_000_000):
        total += i * i
    return total


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print("Starting async I/O operations...")
    await asyncio.sleep(1)

    numbers = [1, 2, 3, 4]
    # each worker is a process with its own
    # interpreter and its own GIL
    with ProcessPoolExecutor(max_workers=4) as pool:
        futures = [
            loop.run_in_executor(
                pool, cpu_intensive_task, n
            )
            for n in numbers
        ]
        results = await asyncio.gather(*futures)
    for n, total in zip(numbers, results):
        print(f"n={n}: {total:.3e}")
    print(f"results at {loop.time() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
