import asyncio

# --- a stand-in for the aiofiles package (not installed here) ----------------
# The same calls as `aiofiles.open`; the disk is simulated with asyncio.sleep.
# The real aiofiles runs each blocking call (open, read, close) in a thread.
DISK = {"example.txt": "Hello from example.txt", "notes.txt": "buy milk"}


class AsyncFile:
    def __init__(self, path):
        self.path = path

    async def __aenter__(self):
        await asyncio.sleep(0.05)  # open() in a worker thread
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.05)  # close() in a worker thread
        print(f"closed {self.path}")

    async def read(self):
        await asyncio.sleep(0.2)  # read() in a worker thread
        return DISK[self.path]


def aiofiles_open(path, mode="r"):
    return AsyncFile(path)


# --- the program ---------------------------------------------------------------
async def read_file(file_path):
    async with aiofiles_open(file_path, mode="r") as file:
        contents = await file.read()
        print(contents)


async def main():
    await asyncio.gather(read_file("example.txt"), read_file("notes.txt"))


if __name__ == "__main__":
    asyncio.run(main())
