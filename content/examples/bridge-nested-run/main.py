import asyncio


async def fetch_user(user_id):
    await asyncio.sleep(0.2)
    return {"id": user_id, "name": "Ada"}


def get_user(user_id):
    """A synchronous wrapper: fine in a script, fatal inside async code."""
    return asyncio.run(fetch_user(user_id))


async def handle_request(user_id):
    print(f"request for user {user_id}")
    user = get_user(user_id)  # deep down, a helper calls the wrapper
    print(f"hello, {user['name']}")


asyncio.run(handle_request(7))
