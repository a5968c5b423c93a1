import asyncio
from contextvars import ContextVar

current_user = ContextVar("current_user", default="nobody")


def log(message):
    print(f"{current_user.get()}: {message}")


async def load_cart(user, seconds):
    current_user.set(user)
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
