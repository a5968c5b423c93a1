import asyncio


async def handle(reader, writer):
    name = (await reader.readline()).decode().strip()
    print(f"server: {name} joined")
    async for line in reader:  # one line at a time, until the client closes
        writer.write(f"{name} said {line.decode().strip()}\n".encode())
        await writer.drain()
    print(f"server: {name} left")
    writer.close()
    await writer.wait_closed()


async def client(name, messages, pause):
    reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
    writer.write(f"{name}\n".encode())
    for text in messages:
        await asyncio.sleep(pause)
        writer.write(f"{text}\n".encode())
        await writer.drain()
        reply = await reader.readline()
        print(f"{name}: {reply.decode().strip()}")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8888)
    async with server:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(client("ann", ["hi", "bye"], 0.25))
            tg.create_task(client("bob", ["yo", "ok", "bye"], 0.15))
            tg.create_task(client("cy", ["hey"], 0.4))
        await asyncio.sleep(0.1)  # the last "left" reaches the server 10 ms later


asyncio.run(main())
