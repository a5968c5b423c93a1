import asyncio


# Writing an audit entry takes half a second.
async def save_audit(order):
    await asyncio.sleep(0.5)
    print(f"audit: saved {order}")


# Strong references to the audit tasks, so they can be awaited (and cannot vanish).
audits = []


async def handle(order):
    audits.append(asyncio.create_task(save_audit(order)))  # still does not wait for it
    print(f"handled {order}")


async def main():
    for order in ["#1", "#2", "#3"]:
        await handle(order)
    print("all orders handled")
    await asyncio.gather(*audits)  # the program ends only when every audit is saved


asyncio.run(main())
