"""Stand-in for aiohttp.web on the simulated network: src/sandbox/services/aiohttp-web*.ts in
Python. Application + router (add_get/add_post/add_put/add_delete/add_route/add_static),
RouteTableDef and web.get/post/..., Request (match_info, query, read/text/json/post),
Response, json_response, HTTPException subclasses, AppRunner + TCPSite to serve at a host and
port the stand-in clients reach; run_app prints aiohttp's banner and returns."""

import asyncio
import json as _json
import re
from urllib.parse import unquote, unquote_plus

from simulated import _memfs, _world
from simulated._status import reason_of

_STATIC_TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "application/javascript",
    ".json": "application/json",
    ".txt": "text/plain",
}


class Response:
    def __init__(self, *, body=None, status=200, text=None, content_type=None, headers=None, **_ignored):
        self.status = status
        is_text = text is not None or isinstance(body, str)
        raw = text if text is not None else (body if body is not None else "")
        self.body = raw.encode() if isinstance(raw, str) else bytes(raw)
        type_ = content_type or ("text/plain" if is_text or not raw else "application/octet-stream")
        with_charset = type_.startswith("text/") or type_ == "application/json"
        self.headers = {
            "Content-Type": f"{type_}; charset=utf-8" if with_charset else type_,
            "Content-Length": str(len(self.body)),
            **(headers or {}),
        }

    @property
    def text(self):
        return self.body.decode()


def json_response(data, *, status=200, dumps=_json.dumps, **_ignored):
    return Response(text=dumps(data), content_type="application/json", status=status)


class HTTPException(Response, Exception):
    status_code = 500

    def __init__(self, *, text=None, **_ignored):
        Exception.__init__(self, text or "")
        Response.__init__(self, status=self.status_code, text=text or f"{self.status_code}: {reason_of(self.status_code)}")


class HTTPBadRequest(HTTPException):
    status_code = 400


class HTTPForbidden(HTTPException):
    status_code = 403


class HTTPNotFound(HTTPException):
    status_code = 404


class HTTPInternalServerError(HTTPException):
    status_code = 500


def _parse_form(text):
    out = {}
    for kv in text.split("&") if text else []:
        k, sep, v = kv.partition("=")
        out[unquote_plus(k)] = unquote_plus(v) if sep else ""
    return out


class Request:
    def __init__(self, req, params, app):
        self.method = req.method
        self.path = req.path
        self.url = req.url
        self.host = req.host
        self.query = dict(req.query)
        self.headers = req.headers
        self.match_info = dict(params)
        self.app = app
        self._body = req.body

    async def read(self):
        return self._body

    async def text(self):
        return self._body.decode()

    async def json(self, *, loads=_json.loads):
        return loads(self._body.decode())

    async def post(self):
        if self.headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
            return _parse_form(self._body.decode())
        return {}


class RouteDef:
    def __init__(self, method, path, handler):
        self.method = method
        self.path = path
        self.handler = handler


def get(path, handler, **_ignored):
    return RouteDef("GET", path, handler)


def post(path, handler, **_ignored):
    return RouteDef("POST", path, handler)


def put(path, handler, **_ignored):
    return RouteDef("PUT", path, handler)


def delete(path, handler, **_ignored):
    return RouteDef("DELETE", path, handler)


class RouteTableDef:
    def __init__(self):
        self._defs = []

    def _add(self, method, path):
        def register(handler):
            self._defs.append(RouteDef(method, path, handler))
            return handler

        return register

    def get(self, path, **_ignored):
        return self._add("GET", path)

    def post(self, path, **_ignored):
        return self._add("POST", path)

    def put(self, path, **_ignored):
        return self._add("PUT", path)

    def delete(self, path, **_ignored):
        return self._add("DELETE", path)

    def __iter__(self):
        return iter(self._defs)


def _compile_path(path):
    names = []
    src = ""
    for m in re.finditer(r"\{(\w+)(?::([^{}]+))?\}|[^{]+", path):
        if m.group(1):
            names.append(m.group(1))
            src += f"({m.group(2) or '[^{}/]+'})"
        else:
            src += re.escape(m.group(0))
    return re.compile(f"^{src}$"), names


class UrlDispatcher:
    def __init__(self):
        self._routes = []

    def add_route(self, method, path, handler, **_ignored):
        regex, names = _compile_path(path)
        self._routes.append((method.upper(), regex, names, handler))

    def add_get(self, path, handler, **kwargs):
        self.add_route("GET", path, handler)

    def add_post(self, path, handler, **kwargs):
        self.add_route("POST", path, handler)

    def add_put(self, path, handler, **kwargs):
        self.add_route("PUT", path, handler)

    def add_delete(self, path, handler, **kwargs):
        self.add_route("DELETE", path, handler)

    def add_static(self, prefix, path, **_ignored):
        base = prefix if prefix.endswith("/") else prefix + "/"
        regex = re.compile(f"^{re.escape(base)}(.+)$")
        folder = str(path)

        async def static(request):
            file = _memfs.norm_path(f"{folder}/{request.match_info['filename']}")
            body = _memfs.read_file_bytes(file)
            if body is None:
                return Response(status=404, text="404: Not Found")
            m = re.search(r"\.[^./]+$", file)
            ext = m.group(0) if m else ""
            return Response(body=body, content_type=_STATIC_TYPES.get(ext, "application/octet-stream"))

        self._routes.append(("GET", regex, ["filename"], static))

    def _resolve(self, req):
        status = 404
        for method, regex, names, handler in self._routes:
            m = regex.match(req.path)
            if not m:
                continue
            if method != "*" and method != req.method:
                status = 405
                continue
            return handler, {n: unquote(m.group(i + 1)) for i, n in enumerate(names)}
        return status


def _to_reply(resp):
    return _world.SimReply(resp.status, resp.headers, [resp.body] if resp.body else [])


class Application:
    def __init__(self, **_ignored):
        self.router = UrlDispatcher()
        self._state = {}

    def add_routes(self, routes):
        for r in routes:
            self.router.add_route(r.method, r.path, r.handler)

    def __getitem__(self, key):
        return self._state[key]

    def __setitem__(self, key, value):
        self._state[key] = value

    async def _handle(self, req):
        found = self.router._resolve(req)
        if isinstance(found, int):
            return _to_reply(Response(status=found, text=f"{found}: {reason_of(found)}"))
        handler, params = found
        try:
            return _to_reply(await handler(Request(req, params, self)))
        except asyncio.CancelledError:
            raise
        except HTTPException as e:
            return _to_reply(e)
        except Exception:
            return _to_reply(Response(status=500, text="500 Internal Server Error\n\nServer got itself in trouble"))


class _Server:
    def __init__(self, app):
        self._app = app

    async def handle(self, req):
        return await asyncio.shield(asyncio.create_task(self._app._handle(req)))


class AppRunner:
    def __init__(self, app, **_ignored):
        self.app = app
        self._sites = []

    async def setup(self):
        pass

    async def cleanup(self):
        sites, self._sites = self._sites, []
        for s in sites:
            _world.unlisten(s.host, s.port)


class TCPSite:
    def __init__(self, runner, host="0.0.0.0", port=8080, **_ignored):
        self.runner = runner
        self.host = host
        self.port = port

    @property
    def name(self):
        return f"http://{self.host}:{self.port}"

    async def start(self):
        _world.listen(self.host, self.port, _Server(self.runner.app))
        self.runner._sites.append(self)


def run_app(app, *, host=None, port=None, **_ignored):
    """Prints aiohttp's banner and returns: a simulated server cannot block the program."""
    print(f"======== Running on http://{host or '0.0.0.0'}:{port or 8080} ========")
    print("(Press CTRL+C to quit)")
