import asyncio

current_user = "nobody"


def log(message):
    print(f"{current_user}: {message}")


async def load_cart(user, seconds):
    global current_user
    current_user = user
    log("loading cart")
    await asyncio.sleep(seconds)  # the database
    log("cart loaded")


async def main():
    await asyncio.gather(
        load_cart("ada", 0.3),
        load_cart("grace", 0.1),
        load_cart("alan", 0.2),
    )
    log("all carts loaded")


asyncio.run(main())
