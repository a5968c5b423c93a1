import asyncio

background_tasks = set()


async def send_email(to):
    await asyncio.sleep(1)
    print(f"email sent to {to}")


def fire_and_forget(coro):
    task = asyncio.create_task(coro)
    # Hold a strong reference until the task is done.
    background_tasks.add(task)
    task.add_done_callback(background_tasks.discard)
    return task


async def main():
    for to in ["ana@example.com", "bo@example.com"]:
        fire_and_forget(send_email(to))
    print("main: in flight:", len(background_tasks))
    await asyncio.sleep(2)  # a server goes on serving
    print("main: in flight:", len(background_tasks))


asyncio.run(main())
