import asyncio

import aiofiles


async def write_notes(path, lines):
    async with aiofiles.open(path, mode="w") as f:
        for line in lines:
            await f.write(line + "\n")
    print(f"wrote {path}")


async def read_file(path):
    async with aiofiles.open(path, mode="r") as f:
        contents = await f.read()
    print(f"{path}: {contents.splitlines()}")


async def main():
    await asyncio.gather(
        write_notes("a.txt", ["one", "two"]),
        write_notes("b.txt", ["three"]),
    )
    await asyncio.gather(read_file("a.txt"), read_file("b.txt"))
    try:
        await read_file("missing.txt")
    except FileNotFoundError as e:
        print(e)


asyncio.run(main())
