import asyncio


async def fetch(what, seconds):
    await asyncio.sleep(seconds)
    return what


async def wait_for_reply(reply):
    await reply.wait()  # nobody ever sets it


async def report_tasks():
    while True:
        await asyncio.sleep(1)
        me = asyncio.current_task()
        names = [t.get_name() for t in asyncio.all_tasks() if t is not me]
        print(f"pending: {', '.join(names)}")


async def main():
    monitor = asyncio.create_task(report_tasks(), name="monitor")
    users = asyncio.create_task(fetch("users", 1.5), name="fetch-users")
    orders = asyncio.create_task(fetch("orders", 2.5), name="fetch-orders")
    reply = asyncio.create_task(wait_for_reply(asyncio.Event()), name="wait-reply")
    print(f"got {await users} and {await orders}")
    try:
        await asyncio.wait_for(reply, timeout=1)
    except TimeoutError:
        print("wait-reply is stuck: cancelled after 1 s more")
    monitor.cancel()


asyncio.run(main())
