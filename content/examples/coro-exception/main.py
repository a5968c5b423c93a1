import asyncio


class PaymentDeclined(Exception):
    pass


async def charge(card, amount):
    await asyncio.sleep(0.5)  # the payment service answers
    if amount > 100:
        raise PaymentDeclined(f"card {card} declined for {amount}")
    return f"charged {amount}"


async def checkout(card, amount):
    print(f"checkout {amount}: start")
    try:
        receipt = await charge(card, amount)  # an exception in charge surfaces here
        print(f"checkout {amount}: {receipt}")
        return receipt
    finally:
        print(f"checkout {amount}: cart released")  # runs on the way out, either way


async def main():
    for amount in (40, 250):
        try:
            await checkout("4242", amount)
        except PaymentDeclined as e:
            print(f"main caught {type(e).__name__}: {e}")
    print("main carries on")


asyncio.run(main())
