import asyncio


def remind(what):
    print(f"reminder: {what}")


async def work():
    for step in range(1, 5):
        await asyncio.sleep(0.5)  # a chunk of the real work
        print(f"work: step {step} of 4")


async def main():
    # Wait for the reminder's time, then start working: all the work is 1.25 s late.
    await asyncio.sleep(1.25)
    remind("stand up and stretch")
    await work()


asyncio.run(main())
