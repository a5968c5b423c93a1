import asyncio


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = asyncio.Lock()


async def check_fraud():
    await asyncio.sleep(0.1)  # a call to another service


async def withdraw(account, name, amount):
    current = account.balance  # read
    await check_fraud()  # other tasks run here
    if current >= amount:
        account.balance = current - amount  # write
        print(f"{name} takes {amount}, balance {account.balance}")
    else:
        print(f"{name} refused, balance {current}")


async def withdraw_locked(account, name, amount):
    async with account.lock:  # one task at a time in here
        await withdraw(account, name, amount)


async def main():
    account = Account(100)
    await asyncio.gather(
        withdraw(account, "Alice", 80), withdraw(account, "Bob", 80)
    )
    print(f"without a lock: {account.balance} left, 160 paid out")

    account = Account(100)
    await asyncio.gather(
        withdraw_locked(account, "Alice", 80),
        withdraw_locked(account, "Bob", 80),
    )
    print(f"with a lock: {account.balance} left")


asyncio.run(main())
