import asyncio

LINE = b"x" * 1023 + b"\n"  # 1 KiB


async def slow_reader(reader, writer):
    count = 0
    while await reader.readline():
        count += 1
        await asyncio.sleep(0.01)  # 10 ms a line: 100 KiB per second at most
    print(f"server: read {count} lines")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(slow_reader, "127.0.0.1", 8888)
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
        writer.transport.set_write_buffer_limits(high=16_384)  # low: a quarter, 4 KiB
        print(f"limits (low, high): {writer.transport.get_write_buffer_limits()}")
        for n in range(1, 401):
            writer.write(LINE)
            await writer.drain()  # waits only while more than 16 KiB is buffered
            if n % 50 == 0:
                print(f"client: {n} lines written")
        writer.write_eof()
        await reader.read()  # b"" when the server closes its side
        writer.close()
        await writer.wait_closed()


asyncio.run(main())
