import asyncio


async def news(reader, writer):
    for n in range(1, 4):
        writer.write(f"line {n}\n".encode())
        await writer.drain()
        await asyncio.sleep(0.1)  # the next one is not ready yet
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(news, "127.0.0.1", 8888)
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
        async for line in reader:  # each line as it arrives, until the server closes
            print(f"got: {line.decode().strip()}")
        print("server closed the connection")
        writer.close()
        await writer.wait_closed()


asyncio.run(main())
