import asyncio


async def fetch_user(user_id):
    await asyncio.sleep(0.2)
    return {"id": user_id, "name": "Ada"}


def get_user(user_id):
    """A synchronous wrapper, written for scripts."""
    return asyncio.run(fetch_user(user_id))


def greeting(user_id):
    return f"hello, {get_user(user_id)['name']}"


async def handle_request(user_id):
    print(f"request for user {user_id}")
    print(greeting(user_id))


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(handle_request(7))
        tg.create_task(handle_request(8))


asyncio.run(main())
