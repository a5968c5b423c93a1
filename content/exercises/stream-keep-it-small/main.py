import asyncio

import simulated

simulated.network(bandwidth=100_000)  # 100 kB per second
CHUNK = b"x" * 32_768  # 32 KiB


async def sink(reader, writer):
    data = await reader.read()  # everything, until the client is done
    print(f"server: received {len(data) // 1024} KiB")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(sink, "127.0.0.1", 8888)
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
        peak = 0
        for _ in range(10):
            writer.write(CHUNK)
            peak = max(peak, writer.transport.get_write_buffer_size())
        print(f"client: peak buffer {peak // 1024} KiB")
        writer.write_eof()
        await reader.read()  # b"" when the server closes its side
        writer.close()
        await writer.wait_closed()


asyncio.run(main())
