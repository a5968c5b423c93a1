"""ClientResponse and StreamReader: src/sandbox/services/aiohttp-response.ts in Python."""

import asyncio
import json as _json

from simulated._status import reason_of

from ._errors import ClientResponseError, ContentTypeError, RequestInfo


class CIMultiDictProxy:
    """Case-insensitive headers (what aiohttp's resp.headers is)."""

    def __init__(self, items):
        self._items = list(items.items())

    def get(self, name, default=None):
        k = name.lower()
        for n, v in self._items:
            if n.lower() == k:
                return v
        return default

    def __getitem__(self, name):
        v = self.get(name)
        if v is None:
            raise KeyError(name)
        return v

    def __contains__(self, name):
        return self.get(name) is not None

    def __iter__(self):
        return iter([n for n, _ in self._items])

    def __len__(self):
        return len(self._items)

    def items(self):
        return list(self._items)

    def __repr__(self):
        inner = ", ".join(f"{k!r}: {v!r}" for k, v in self._items)
        return f"<CIMultiDictProxy({inner})>"


class StreamReader:
    def __init__(self, parts, arrivals, deadline, on_eof):
        self._parts = parts
        self._arrivals = arrivals
        self._deadline = deadline
        self._on_eof = on_eof
        self._next = 0
        self._buffer = b""
        self._check_eof()

    def _check_eof(self):
        if self.at_eof():
            self._on_eof()

    def at_eof(self):
        return self._next >= len(self._parts) and not self._buffer

    async def _fill(self):
        now = asyncio.get_running_loop().time()
        while self._next < len(self._parts) and self._arrivals[self._next] <= now:
            self._buffer += self._parts[self._next]
            self._next += 1
        if self._buffer or self._next >= len(self._parts):
            return
        at = self._arrivals[self._next]
        if self._deadline is not None and self._deadline < at:
            await asyncio.sleep(self._deadline - now)
            raise asyncio.TimeoutError()
        await asyncio.sleep(at - now)
        self._buffer += self._parts[self._next]
        self._next += 1

    def _take(self, n):
        out = self._buffer[:n]
        self._buffer = self._buffer[n:]
        self._check_eof()
        return out

    async def read(self, n=-1):
        if n < 0:
            data = b""
            while not self.at_eof():
                await self._fill()
                data += self._take(len(self._buffer))
            return data
        await self._fill()
        return self._take(n)

    async def readany(self):
        await self._fill()
        return self._take(len(self._buffer))

    async def readline(self):
        line = b""
        while not self.at_eof():
            await self._fill()
            i = self._buffer.find(b"\n")
            if i >= 0:
                return line + self._take(i + 1)
            line += self._take(len(self._buffer))
        return line

    async def iter_chunked(self, n):
        while True:
            chunk = await self.read(n)
            if not chunk:
                return
            yield chunk

    async def iter_any(self):
        while True:
            chunk = await self.readany()
            if not chunk:
                return
            yield chunk

    def __aiter__(self):
        return self._lines()

    async def _lines(self):
        while True:
            line = await self.readline()
            if not line:
                return
            yield line


class ClientResponse:
    def __init__(self, *, method, url, status, headers, parts, arrivals, deadline, release):
        self.method = method
        self.url = url
        self.real_url = url
        self.status = status
        self.reason = reason_of(status)
        self.headers = CIMultiDictProxy(headers)
        self._release = release
        self._body = None
        self.request_info = RequestInfo(url, method)
        self.history = ()
        self.content = StreamReader(parts, arrivals, deadline, release)

    @property
    def ok(self):
        return self.status < 400

    @property
    def content_type(self):
        return self.headers.get("Content-Type", "application/octet-stream").split(";")[0].strip()

    async def read(self):
        if self._body is None:
            self._body = await self.content.read()
        return self._body

    async def text(self, encoding=None):
        return (await self.read()).decode(encoding or "utf-8")

    async def json(self, *, loads=_json.loads, content_type="application/json"):
        body = await self.read()
        if content_type and "json" not in self.content_type:
            raise ContentTypeError(
                self.request_info,
                self.history,
                status=self.status,
                message=f"Attempt to decode JSON with unexpected mimetype: {self.headers.get('Content-Type', '')}",
                headers=self.headers,
            )
        text = body.decode().strip()
        return None if not text else loads(text)

    def raise_for_status(self):
        if self.status >= 400:
            self._release()
            raise ClientResponseError(
                self.request_info, self.history, status=self.status, message=self.reason, headers=self.headers
            )

    def release(self):
        self._release()

    def close(self):
        self._release()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self._release()

    def __repr__(self):
        return f"<ClientResponse({self.url}) [{self.status} {self.reason}]>"
