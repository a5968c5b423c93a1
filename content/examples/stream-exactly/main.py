import asyncio


def frame(body, size=None):
    """A message: its length in 4 bytes (big-endian), then its bytes."""
    return (len(body) if size is None else size).to_bytes(4, "big") + body


async def handle(reader, writer):
    writer.write(frame(b"hello"))
    writer.write(frame(b"asyncio"))
    writer.write(frame(b"cut", size=10))  # promises 10 bytes, sends 3
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 8888)
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
        try:
            while True:
                size = int.from_bytes(await reader.readexactly(4), "big")
                body = await reader.readexactly(size)
                print(f"{size} bytes: {body.decode()}")
        except asyncio.IncompleteReadError as e:
            print(f"IncompleteReadError: {e}")
            print(f"partial={e.partial!r} expected={e.expected}")
        print(f"at_eof: {reader.at_eof()}, readline: {await reader.readline()!r}")
        writer.close()
        await writer.wait_closed()


asyncio.run(main())
