import asyncio


def remind(what):
    print(f"reminder: {what}")


async def work():
    for step in range(1, 5):
        await asyncio.sleep(0.5)  # a chunk of the real work
        print(f"work: step {step} of 4")


async def main():
    # The loop runs remind in 1.25 s, as a plain callback, while main gets on with the work.
    loop = asyncio.get_running_loop()
    loop.call_later(1.25, remind, "stand up and stretch")
    await work()


asyncio.run(main())
