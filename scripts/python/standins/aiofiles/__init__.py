"""Stand-in for aiofiles on the in-memory file system: src/sandbox/services/aiofiles.ts in
Python. Each operation (open, every read or write, close) takes simulated.files(latency=...)
(default 0.01 s); writes land at once. Never touches the real disk."""

import asyncio

from simulated import _memfs, settings

__version__ = "23.2.1+simulated"


async def _pause():
    await asyncio.sleep(settings.files_latency)


class AsyncFile:
    def __init__(self, name, mode, position=0):
        self.name = name
        self.mode = mode
        self._pos = position
        self._closed = False

    @property
    def _binary(self):
        return "b" in self.mode

    def _bytes(self):
        return _memfs.read_file_bytes(self.name) or b""

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def _out(self, b):
        return b if self._binary else b.decode()

    async def read(self, size=-1):
        self._check()
        await _pause()
        data = self._bytes()
        if self._binary:
            end = len(data) if size < 0 else min(len(data), self._pos + size)
            out = data[self._pos : end]
            self._pos = end
            return out
        text = data[self._pos :].decode()
        chunk = text if size < 0 else text[:size]
        self._pos += len(chunk.encode())
        return chunk

    async def readline(self):
        self._check()
        await _pause()
        data = self._bytes()
        i = data.find(b"\n", self._pos)
        end = len(data) if i < 0 else i + 1
        out = data[self._pos : end]
        self._pos = end
        return self._out(out)

    async def readlines(self):
        out = []
        while True:
            line = await self.readline()
            if not line:
                return out
            out.append(line)

    async def write(self, data):
        self._check()
        await _pause()
        b = data.encode() if isinstance(data, str) else bytes(data)
        old = self._bytes()
        new = bytearray(old.ljust(max(len(old), self._pos + len(b)), b"\0"))
        new[self._pos : self._pos + len(b)] = b
        _memfs.write_file_bytes(self.name, bytes(new))
        self._pos += len(b)
        return len(data)

    async def close(self):
        if self._closed:
            return
        await _pause()
        self._closed = True

    def __aiter__(self):
        return self._lines()

    async def _lines(self):
        while True:
            line = await self.readline()
            if not line:
                return
            yield line

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.close()


async def _open(file, mode):
    await _pause()
    exists = _memfs.read_file_bytes(file) is not None
    if mode.startswith("r") and not exists:
        raise FileNotFoundError(2, "No such file or directory", str(file))
    if mode.startswith("w") or not exists:
        _memfs.write_file_bytes(file, b"")
    return AsyncFile(str(file), mode, len(_memfs.read_file_bytes(file)) if mode.startswith("a") else 0)


class _OpenContext:
    def __init__(self, file, mode):
        self._coro = _open(file, mode)
        self._file = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._file = await self._coro
        return self._file

    async def __aexit__(self, *exc):
        await self._file.close()


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None, **_ignored):
    return _OpenContext(file, mode)
