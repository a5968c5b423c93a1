import asyncio
import time


def resize_image(name):
    time.sleep(0.25)  # blocking work: the whole loop stops here
    return f"{name} resized"


async def upload(name):
    print(f"uploading {name}")
    await asyncio.sleep(0.1)
    print(resize_image(name))


async def heartbeat():
    for _ in range(3):
        print("still alive")
        await asyncio.sleep(0.1)


async def main():
    beat = asyncio.create_task(heartbeat())
    await upload("cat.png")
    await beat


asyncio.run(main(), debug=True)
