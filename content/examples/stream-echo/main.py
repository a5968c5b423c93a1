import asyncio


async def handle(reader, writer):
    line = await reader.readline()  # waits for b"...\n"
    print(f"server: got {line!r}")
    writer.write(line.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    print("server: closed")


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8888)
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
        print("client: connected")
        writer.write(b"hello\n")
        await writer.drain()
        reply = await reader.readline()
        print(f"client: got {reply!r}")
        print(f"client: then {await reader.readline()!r}")  # b"": the server closed
        writer.close()
        await writer.wait_closed()
        print("client: closed")


asyncio.run(main())
