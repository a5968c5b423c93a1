import asyncio


async def save_order(id):
    print(f"saving order {id}")
    await asyncio.sleep(1)  # the database write
    print(f"order {id} saved")


async def send_receipt(id):
    await asyncio.sleep(0.5)  # the mail server
    print(f"receipt for order {id} sent")


async def main():
    save_order(7)
    await send_receipt(7)
    print("checkout complete")


asyncio.run(main())
