"""Stand-in for aiohttp's client on the simulated network (see ../SERVICES.md).

Covers: ClientSession (get/post/put/patch/delete/request with params, json, data, headers,
timeout, raise_for_status; async with, close), ClientTimeout (total, connect), TCPConnector
(limit, limit_per_host), ClientResponse (status, reason, ok, headers, content_type, read, text,
json, raise_for_status, release, content: read/readany/readline/iter_chunked/iter_any/async
for), the client exceptions, and `aiohttp.web` (a server reachable by this client).
It behaves exactly as src/sandbox/services/aiohttp*.ts, so both print the same transcript.
"""

import asyncio
import json as _json
from urllib.parse import quote_plus

import simulated._httpbin  # noqa: F401 - installs httpbin on the simulated network
from simulated import _world, http_host

from ._connector import TCPConnector
from ._errors import (
    ClientConnectionError,
    ClientConnectorError,
    ClientError,
    ClientOSError,
    ClientResponseError,
    ConnectionTimeoutError,
    ContentTypeError,
    InvalidURL,
    RequestInfo,
    ServerConnectionError,
    ServerDisconnectedError,
    ServerTimeoutError,
)
from ._response import CIMultiDictProxy, ClientResponse, StreamReader

__version__ = "3.10.0+simulated"

__all__ = [
    "CIMultiDictProxy",
    "ClientConnectionError",
    "ClientConnectorError",
    "ClientError",
    "ClientOSError",
    "ClientResponse",
    "ClientResponseError",
    "ClientSession",
    "ClientTimeout",
    "ConnectionTimeoutError",
    "ContentTypeError",
    "InvalidURL",
    "RequestInfo",
    "ServerConnectionError",
    "ServerDisconnectedError",
    "ServerTimeoutError",
    "StreamReader",
    "TCPConnector",
]


class ClientTimeout:
    """aiohttp.ClientTimeout(total=None, connect=None, sock_read=None, sock_connect=None)."""

    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None, ceil_threshold=5):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect

    def __repr__(self):
        return (
            f"ClientTimeout(total={self.total!r}, connect={self.connect!r}, "
            f"sock_read={self.sock_read!r}, sock_connect={self.sock_connect!r}, ceil_threshold=5)"
        )


DEFAULT_TIMEOUT = ClientTimeout(total=300, sock_connect=30)


def _encode_body(json, data):
    if json is not None:
        return _json.dumps(json).encode(), "application/json"
    if data is None:
        return b"", None
    if isinstance(data, str):
        return data.encode(), "text/plain; charset=utf-8"
    if isinstance(data, (bytes, bytearray)):
        return bytes(data), "application/octet-stream"
    form = "&".join(f"{quote_plus(str(k))}={quote_plus(str(v))}" for k, v in dict(data).items())
    return form.encode(), "application/x-www-form-urlencoded"


class _RequestContextManager:
    """What session.get() returns: awaitable, and an async context manager."""

    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, *exc):
        self._resp.release()


class ClientSession:
    """aiohttp.ClientSession(timeout=..., connector=..., headers=..., raise_for_status=False)."""

    def __init__(self, base_url=None, *, connector=None, timeout=None, headers=None, raise_for_status=False, **_ignored):
        self.timeout = timeout if timeout is not None else DEFAULT_TIMEOUT
        self.connector = connector if connector is not None else TCPConnector()
        self.headers = dict(headers or {})
        self._raise_for_status = raise_for_status
        self._closed = False

    @property
    def closed(self):
        return self._closed

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method.upper(), url, **kwargs))

    def get(self, url, **kwargs):
        return self.request("GET", url, **kwargs)

    def post(self, url, **kwargs):
        return self.request("POST", url, **kwargs)

    def put(self, url, **kwargs):
        return self.request("PUT", url, **kwargs)

    def patch(self, url, **kwargs):
        return self.request("PATCH", url, **kwargs)

    def delete(self, url, **kwargs):
        return self.request("DELETE", url, **kwargs)

    async def _request(self, method, url, *, params=None, json=None, data=None, headers=None, timeout=None, raise_for_status=None, **_ignored):
        if self._closed:
            raise RuntimeError("Session is closed")
        loop = asyncio.get_running_loop()
        if timeout is None:
            t = self.timeout
        elif isinstance(timeout, (int, float)):
            t = ClientTimeout(total=timeout)
        else:
            t = timeout
        deadline = None if t.total is None else loop.time() + t.total
        body, type_ = _encode_body(json, data)
        all_headers = {**self.headers, **(headers or {})}
        if type_ is not None and not any(h.lower() == "content-type" for h in all_headers):
            all_headers["Content-Type"] = type_
        try:
            parts = _world.parse_url(str(url), params)
        except _world.BadUrl:
            raise InvalidURL(str(url)) from None
        req = _world.SimRequest(method=method, headers=all_headers, body=body, **parts)
        try:
            server = _world.server_for(req)
        except _world.UnknownHost as e:
            raise ClientConnectorError(e.host, e.port) from None

        async def exchange():
            key = f"{req.host}:{req.port}"
            if t.connect is None:
                conn = await self.connector._acquire(key)
            else:
                try:
                    async with asyncio.timeout(t.connect):
                        conn = await self.connector._acquire(key)
                except TimeoutError as e:
                    if isinstance(e, ServerTimeoutError):
                        raise
                    raise ConnectionTimeoutError(f"Connection timeout to host {req.url}") from None
            try:
                reply = await _world.round_trip(req, server)
            except _world.Disconnected:
                conn.release()
                raise ServerDisconnectedError() from None
            except BaseException:
                conn.release()
                raise
            now = loop.time()
            interval = http_host(req.host).stream_interval
            return ClientResponse(
                method=method,
                url=req.url,
                status=reply.status,
                headers=reply.headers,
                parts=[] if method == "HEAD" else reply.parts,
                arrivals=[now + i * interval for i in range(len(reply.parts))],
                deadline=deadline,
                release=conn.release,
            )

        if deadline is None:
            resp = await exchange()
        else:
            async with asyncio.timeout_at(deadline):
                resp = await exchange()
        if raise_for_status if raise_for_status is not None else self._raise_for_status:
            resp.raise_for_status()
        return resp

    async def close(self):
        self._closed = True
        await self.connector.close()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.close()
