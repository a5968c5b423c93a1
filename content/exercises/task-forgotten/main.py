import asyncio


# Writing an audit entry takes half a second.
async def save_audit(order):
    await asyncio.sleep(0.5)
    print(f"audit: saved {order}")


async def handle(order):
    asyncio.create_task(save_audit(order))  # fire and forget
    print(f"handled {order}")


async def main():
    for order in ["#1", "#2", "#3"]:
        await handle(order)
    print("all orders handled")


asyncio.run(main())
