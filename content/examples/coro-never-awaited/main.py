import asyncio


async def send_email(to):
    print(f"sending email to {to}")
    await asyncio.sleep(1)
    print(f"email sent to {to}")


async def main():
    # forgot await: never runs
    send_email("alice@example.com")
    print("order placed")
    await send_email("bob@example.com")
    print("done")


asyncio.run(main())
