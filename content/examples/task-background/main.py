import asyncio

background_tasks = set()


async def send_email(to):
    await asyncio.sleep(1)
    print(f"email sent to {to}")


def fire_and_forget(coro):
    task = asyncio.create_task(coro)
    background_tasks.add(task)  # a strong reference, so the task cannot vanish...
    task.add_done_callback(background_tasks.discard)  # ...dropped once it is done
    return task


async def main():
    for to in ["ana@example.com", "bo@example.com"]:
        fire_and_forget(send_email(to))
    print("main: request handled;", len(background_tasks), "emails in flight")
    await asyncio.sleep(2)  # a server would go on serving here
    print("main:", len(background_tasks), "emails in flight")


asyncio.run(main())
