import asyncio


class PaymentDeclined(Exception):
    pass


async def charge(card, amount):
    # the payment service answers
    await asyncio.sleep(0.5)
    if amount > 100:
        raise PaymentDeclined(f"card {card} declined for {amount}")
    return f"charged {amount}"


async def checkout(card, amount):
    print(f"checkout {amount}: start")
    try:
        # charge's exception comes out here
        receipt = await charge(card, amount)
        print(f"checkout {amount}: {receipt}")
        return receipt
    finally:
        # runs on the way out, either way
        print(f"checkout {amount}: cart released")


async def main():
    for amount in (40, 250):
        try:
            await checkout("4242", amount)
        except PaymentDeclined as e:
            print(f"main caught {type(e).__name__}: {e}")
    print("main carries on")


asyncio.run(main())
