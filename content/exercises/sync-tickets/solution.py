import asyncio

tickets = 3
lock = asyncio.Lock()


async def buy(name):
    global tickets
    # Check and take the ticket while no other buyer can: the await
    # for the payment is inside the lock.
    async with lock:
        if tickets > 0:
            await asyncio.sleep(0.2)  # the payment
            tickets -= 1
            print(f"{name} got a ticket")
        else:
            print(f"{name}: sold out")


async def main():
    names = ["Ann", "Ben", "Cat", "Dan", "Eve"]
    await asyncio.gather(*(buy(name) for name in names))
    print(f"tickets left: {tickets}")


asyncio.run(main())
