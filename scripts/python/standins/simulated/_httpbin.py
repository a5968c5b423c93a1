"""A deterministic httpbin on httpbin.test and httpbin.org: src/sandbox/services/httpbin.ts
in Python, byte for byte (sorted keys, 2-space indents, a final newline)."""

import asyncio
import json
import re
from urllib.parse import unquote_plus

from . import _world

ORIGIN = "203.0.113.7"
JSON_TYPE = "application/json"

SLIDESHOW = {
    "slideshow": {
        "author": "Yours Truly",
        "date": "date of publication",
        "slides": [
            {"title": "Wake up to WonderWidgets!", "type": "all"},
            {
                "items": ["Why <em>WonderWidgets</em> are great", "Who <em>buys</em> WonderWidgets"],
                "title": "Overview",
                "type": "all",
            },
        ],
        "title": "Sample Slide Show",
    }
}

_uuid_counter = [0]


def _reply(status, body, type_, parts=None):
    headers = {"Content-Type": type_, "Content-Length": str(len(body))}
    return _world.SimReply(status, headers, parts if parts is not None else ([body] if body else []))


def _json(value, status=200):
    return _reply(status, (json.dumps(value, indent=2, sort_keys=True) + "\n").encode(), JSON_TYPE)


def _text(status, body):
    return _reply(status, body.encode(), "text/plain; charset=utf-8")


def _echo_headers(req):
    h = {"Host": req.host, **req.headers}
    if req.body:
        h["Content-Length"] = str(len(req.body))
    return h


def _echo(req, with_body):
    out = {"args": dict(req.query), "headers": _echo_headers(req), "origin": ORIGIN, "url": req.url}
    if not with_body:
        return out
    type_ = req.headers.get("Content-Type", "")
    body = req.body.decode()
    form = {}
    data = body
    parsed = None
    if type_.startswith("application/x-www-form-urlencoded"):
        data = ""
        for kv in body.split("&") if body else []:
            k, _, v = kv.partition("=")
            form[unquote_plus(k)] = unquote_plus(v)
    elif type_.startswith(JSON_TYPE):
        try:
            parsed = json.loads(body)
        except ValueError:
            parsed = None
    return {**out, "data": data, "files": {}, "form": form, "json": parsed}


_ECHO_METHODS = {"/get": "GET", "/post": "POST", "/put": "PUT", "/patch": "PATCH", "/delete": "DELETE"}


class Httpbin:
    async def handle(self, req):
        p = req.path
        echo_method = _ECHO_METHODS.get(p)
        if echo_method is not None:
            if req.method != echo_method:
                return _text(405, "405: Method Not Allowed")
            return _json(_echo(req, req.method != "GET"))
        if p == "/anything" or p.startswith("/anything/"):
            return _json(_echo(req, req.method != "GET"))
        if p == "/json":
            return _json(SLIDESHOW)
        if p == "/uuid":
            _uuid_counter[0] += 1
            return _json({"uuid": f"00000000-0000-4000-8000-{_uuid_counter[0]:012d}"})
        if p == "/ip":
            return _json({"origin": ORIGIN})
        if p == "/headers":
            return _json({"headers": _echo_headers(req)})
        m = re.fullmatch(r"/delay/(\d+(?:\.\d+)?)", p)
        if m:
            delay = float(m.group(1))
            await asyncio.sleep(min(int(delay) if delay.is_integer() else delay, 10))
            return _json(_echo(req, req.method != "GET"))
        m = re.fullmatch(r"/status/(\d{3})", p)
        if m:
            return _text(int(m.group(1)), "")
        m = re.fullmatch(r"/stream/(\d+)", p)
        if m:
            n = min(int(m.group(1)), 100)
            lines = [
                (json.dumps({"id": i, "origin": ORIGIN, "url": req.url}, sort_keys=True) + "\n").encode()
                for i in range(n)
            ]
            return _reply(200, b"".join(lines), JSON_TYPE, lines)
        m = re.fullmatch(r"/bytes/(\d+)", p)
        if m:
            n = min(int(m.group(1)), 102400)
            body = bytes((i * 31 + 7) % 256 for i in range(n))
            parts = [body[i : i + 1024] for i in range(0, n, 1024)]
            return _reply(200, body, "application/octet-stream", parts)
        return _text(404, "404: Not Found")


_world.set_httpbin(Httpbin())
