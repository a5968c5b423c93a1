import asyncio

members = {}  # name -> writer, in the order they joined


async def broadcast(sender, text):
    for name, writer in list(members.items()):
        if name != sender:
            writer.write(f"{sender}: {text}\n".encode())
            await writer.drain()


async def handle(reader, writer):
    name = (await reader.readline()).decode().strip()
    members[name] = writer
    await broadcast(name, "(joined)")
    async for line in reader:
        await broadcast(name, line.decode().strip())
    del members[name]
    await broadcast(name, "(left)")
    writer.close()
    await writer.wait_closed()


async def listen(name, reader):
    async for line in reader:
        print(f"{name} sees {line.decode().strip()}")


async def client(name, join, text, leave):
    await asyncio.sleep(join)
    reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
    writer.write(f"{name}\n".encode())
    listener = asyncio.create_task(listen(name, reader))
    await asyncio.sleep(0.3)
    writer.write(f"{text}\n".encode())
    await writer.drain()
    await asyncio.sleep(leave)
    writer.close()
    await writer.wait_closed()
    await listener


async def main():
    async with await asyncio.start_server(handle, "127.0.0.1", 8888):
        async with asyncio.TaskGroup() as tg:
            tg.create_task(client("ann", 0.0, "hi all", 0.5))
            tg.create_task(client("bob", 0.1, "hello", 0.6))
            tg.create_task(client("cy", 0.2, "hey", 0.7))
        await asyncio.sleep(0.1)  # the last "left" reaches the server 10 ms later


asyncio.run(main())
