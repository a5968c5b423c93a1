import asyncio


async def fetch_user(user_id):
    await asyncio.sleep(0.2)
    return {"id": user_id, "name": "Ada"}


async def greeting(user_id):
    user = await fetch_user(user_id)
    return f"hello, {user['name']}"


async def handle_request(user_id):
    print(f"request for user {user_id}")
    print(await greeting(user_id))


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(handle_request(7))
        tg.create_task(handle_request(8))


asyncio.run(main())
