"""Stand-in for httpx.AsyncClient on the simulated network (Python only; a TypeScript twin uses
fetch or aiohttp). The same round trip as the aiohttp stand-in (../SERVICES.md); the body is
read before the response returns, as httpx does. Timeouts: `pool` bounds the wait for a
connection (PoolTimeout), `read` the wait for the response and each body part (ReadTimeout);
default 5 s each."""

import asyncio
import json as _json
from urllib.parse import quote_plus

import simulated._httpbin  # noqa: F401 - installs httpbin on the simulated network
from aiohttp._connector import TCPConnector
from simulated import _world, http_host
from simulated._status import reason_of

__version__ = "0.27.0+simulated"


class HTTPError(Exception):
    pass


class RequestError(HTTPError):
    pass


class TransportError(RequestError):
    pass


class TimeoutException(TransportError):
    pass


class ConnectTimeout(TimeoutException):
    pass


class ReadTimeout(TimeoutException):
    pass


class PoolTimeout(TimeoutException):
    pass


class NetworkError(TransportError):
    pass


class ConnectError(NetworkError):
    pass


class RemoteProtocolError(TransportError):
    pass


class InvalidURL(Exception):
    pass


class HTTPStatusError(HTTPError):
    def __init__(self, message, *, request=None, response=None):
        super().__init__(message)
        self.request = request
        self.response = response


class Timeout:
    def __init__(self, timeout=5.0, *, connect=None, read=None, write=None, pool=None):
        if isinstance(timeout, Timeout):
            timeout, connect, read, pool = timeout.connect, timeout.connect, timeout.read, timeout.pool
        self.connect = connect if connect is not None else timeout
        self.read = read if read is not None else timeout
        self.write = write if write is not None else timeout
        self.pool = pool if pool is not None else timeout


class Limits:
    def __init__(self, *, max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0):
        self.max_connections = max_connections


class Response:
    def __init__(self, status_code, headers, content, url, method):
        self.status_code = status_code
        self.reason_phrase = reason_of(status_code)
        self.headers = headers
        self.content = content
        self.url = url
        self.request = method

    @property
    def text(self):
        return self.content.decode()

    def json(self, **kwargs):
        return _json.loads(self.content, **kwargs)

    @property
    def is_success(self):
        return 200 <= self.status_code < 300

    def raise_for_status(self):
        if 200 <= self.status_code < 300:
            return self
        kind = {1: "Informational response", 3: "Redirect response", 4: "Client error", 5: "Server error"}
        message = (
            f"{kind.get(self.status_code // 100, 'Invalid status code')} '{self.status_code} {self.reason_phrase}' "
            f"for url '{self.url}'\nFor more information check: "
            f"https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/{self.status_code}"
        )
        raise HTTPStatusError(message, request=None, response=self)

    def __repr__(self):
        return f"<Response [{self.status_code} {self.reason_phrase}]>"


def _encode(json, data, content):
    if json is not None:
        return _json.dumps(json).encode(), "application/json"
    if content is not None:
        return (content.encode() if isinstance(content, str) else bytes(content)), None
    if data is not None:
        form = "&".join(f"{quote_plus(str(k))}={quote_plus(str(v))}" for k, v in dict(data).items())
        return form.encode(), "application/x-www-form-urlencoded"
    return b"", None


class AsyncClient:
    def __init__(self, *, timeout=5.0, limits=None, headers=None, base_url="", **_ignored):
        self.timeout = timeout if isinstance(timeout, Timeout) else Timeout(timeout)
        self._connector = TCPConnector(limit=(limits or Limits()).max_connections)
        self.headers = dict(headers or {})
        self.base_url = base_url
        self.is_closed = False

    async def request(self, method, url, *, params=None, json=None, data=None, content=None, headers=None, timeout=None, **_ignored):
        if self.is_closed:
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        t = self.timeout if timeout is None else (timeout if isinstance(timeout, Timeout) else Timeout(timeout))
        body, type_ = _encode(json, data, content)
        all_headers = {**self.headers, **(headers or {})}
        if type_ is not None and not any(h.lower() == "content-type" for h in all_headers):
            all_headers["Content-Type"] = type_
        try:
            parts = _world.parse_url(self.base_url + str(url), params)
        except _world.BadUrl:
            raise InvalidURL(str(url)) from None
        req = _world.SimRequest(method=method.upper(), headers=all_headers, body=body, **parts)
        try:
            server = _world.server_for(req)
        except _world.UnknownHost:
            raise ConnectError("[Errno -2] Name or service not known") from None
        key = f"{req.host}:{req.port}"
        try:
            async with asyncio.timeout(t.pool):
                conn = await self._connector._acquire(key)
        except TimeoutError:
            raise PoolTimeout("") from None
        try:
            try:
                async with asyncio.timeout(t.read):
                    reply = await _world.round_trip(req, server)
            except TimeoutError:
                raise ReadTimeout("") from None
            except _world.Disconnected:
                raise RemoteProtocolError("Server disconnected without sending a response.") from None
            loop = asyncio.get_running_loop()
            start = loop.time()
            interval = http_host(req.host).stream_interval
            body = b""
            for i, part in enumerate(reply.parts):
                at = start + i * interval
                wait = at - loop.time()
                if wait > 0:
                    if t.read is not None and wait > t.read:
                        await asyncio.sleep(t.read)
                        raise ReadTimeout("")
                    await asyncio.sleep(wait)
                body += part
        finally:
            conn.release()
        return Response(reply.status, dict(reply.headers), body, req.url, method.upper())

    async def get(self, url, **kwargs):
        return await self.request("GET", url, **kwargs)

    async def post(self, url, **kwargs):
        return await self.request("POST", url, **kwargs)

    async def put(self, url, **kwargs):
        return await self.request("PUT", url, **kwargs)

    async def patch(self, url, **kwargs):
        return await self.request("PATCH", url, **kwargs)

    async def delete(self, url, **kwargs):
        return await self.request("DELETE", url, **kwargs)

    async def aclose(self):
        self.is_closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.aclose()
