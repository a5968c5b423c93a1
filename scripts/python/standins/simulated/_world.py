"""The simulated network: hosts, requests, replies, and the round trip on the loop's clock.
Mirrors src/sandbox/services/http-world.ts step for step (see SERVICES.md)."""

import asyncio
import re
from urllib.parse import quote as _quote
from urllib.parse import unquote_plus

from . import http_host

HTTPBIN_HOSTS = ("httpbin.test", "httpbin.org")

_sites = {}
_httpbin = [None]


class SimRequest:
    def __init__(self, method, url, scheme, host, port, path, query, headers, body):
        self.method = method
        self.url = url
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body


class SimReply:
    def __init__(self, status, headers, parts):
        self.status = status
        self.headers = headers
        self.parts = parts


def set_httpbin(server):
    _httpbin[0] = server


def listen(host, port, server):
    _sites[f"{host}:{port}"] = server


def unlisten(host, port):
    _sites.pop(f"{host}:{port}", None)


class UnknownHost(Exception):
    def __init__(self, host, port):
        super().__init__(host, port)
        self.host = host
        self.port = port


def server_for(req):
    site = _sites.get(f"{req.host}:{req.port}")
    if site is not None:
        return site
    if _httpbin[0] is not None and req.host in HTTPBIN_HOSTS:
        return _httpbin[0]
    raise UnknownHost(req.host, req.port)


def quote(s):
    return _quote(s, safe="")


def pystr(v):
    return str(v)


_URL_RE = re.compile(r"^(https?)://([^/:?#]+)(?::(\d+))?([^?#]*)(?:\?([^#]*))?", re.I)


class BadUrl(Exception):
    pass


def parse_url(url, params=None):
    m = _URL_RE.match(url)
    if not m:
        raise BadUrl(url)
    scheme = m.group(1).lower()
    host = m.group(2).lower()
    port = int(m.group(3)) if m.group(3) else (443 if scheme == "https" else 80)
    path = m.group(4) or "/"
    qs = m.group(5) or ""
    if params:
        extra = "&".join(f"{quote(str(k))}={quote(pystr(v))}" for k, v in params.items())
        if extra:
            qs = f"{qs}&{extra}" if qs else extra
    query = []
    if qs:
        for kv in qs.split("&"):
            k, sep, v = kv.partition("=")
            query.append((unquote_plus(k), unquote_plus(v)))
    base = f"{scheme}://{host}:{port}{path}" if m.group(3) else f"{scheme}://{host}{path}"
    return dict(url=f"{base}?{qs}" if qs else base, scheme=scheme, host=host, port=port, path=path, query=query)


class Disconnected(Exception):
    pass


async def round_trip(req, server):
    """One request's trip to the server and back; the caller holds a connection."""
    host = http_host(req.host)
    fails = host.failure_rate > 0 and host.rng.random() < host.failure_rate
    latency = host.latency + host.rng.uniform(0, host.jitter) if host.jitter > 0 else host.latency
    await asyncio.sleep(latency / 2)
    if fails:
        await asyncio.sleep(latency / 2)
        raise Disconnected()
    reply = await server.handle(req)
    await asyncio.sleep(latency / 2)
    return reply
