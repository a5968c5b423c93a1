import asyncio

import simulated

simulated.network(bandwidth=100_000)  # a slow link: 100 kB per second
CHUNK = b"x" * 32_768  # 32 KiB


async def sink(reader, writer):
    data = await reader.read()  # everything, until the client closes
    print(f"server: received {len(data) // 1024} KiB")
    writer.close()
    await writer.wait_closed()


async def send(drain):
    reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
    for i in range(1, 7):
        writer.write(CHUNK)  # only buffers: never waits
        if drain:
            await writer.drain()  # waits while the buffer is over 64 KiB
        size = writer.transport.get_write_buffer_size()
        print(f"chunk {i}: {size // 1024} KiB waiting in the buffer")
    writer.write_eof()  # no more data: the server's read() ends once it has it all
    await reader.read()  # b"" when the server closes its side
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(sink, "127.0.0.1", 8888)
    async with server:
        print("without drain():")
        await send(drain=False)
        print("with drain():")
        await send(drain=True)


asyncio.run(main())
