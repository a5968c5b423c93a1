import asyncio


async def main():
    await asyncio.sleep(1)
    print("hello")
    await asyncio.sleep(2)
    print("world")
    return "done"


def stop_when_done(task):  # what run_until_complete adds for you
    print(f"main returned {task.result()!r}, stopping the loop")
    loop.stop()


loop = asyncio.new_event_loop()
task = loop.create_task(main())  # Task-1; nothing runs until the loop does
task.add_done_callback(stop_when_done)
loop.call_later(0.5, print, "a callback, outside any task")
try:
    loop.run_forever()  # iterations until loop.stop() is called
finally:
    loop.close()  # a closed loop cannot run again
