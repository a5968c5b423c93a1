"""aiohttp's client exceptions (hierarchy and messages as in aiohttp 3.10)."""

import asyncio


class ClientError(Exception):
    pass


class RequestInfo:
    def __init__(self, url, method):
        self.url = url
        self.method = method
        self.real_url = url


class ClientResponseError(ClientError):
    def __init__(self, request_info, history, *, status=None, message="", headers=None):
        self.request_info = request_info
        self.history = history
        self.status = status or 0
        self.message = message
        self.headers = headers
        super().__init__(request_info)

    def __str__(self):
        return "{}, message={!r}, url={!r}".format(self.status, self.message, str(self.request_info.real_url))

    def __repr__(self):
        return f"{type(self).__name__}({self.request_info!r}, {self.history!r}, status={self.status!r}, message={self.message!r})"


class ContentTypeError(ClientResponseError):
    pass


class ClientConnectionError(ClientError):
    pass


class ClientOSError(ClientConnectionError, OSError):
    pass


class ClientConnectorError(ClientOSError):
    def __init__(self, host, port):
        self.host = host
        self.port = port
        super().__init__(f"Cannot connect to host {host}:{port} ssl:default [Name or service not known]")

    def __str__(self):
        return self.args[0]


class ServerConnectionError(ClientConnectionError):
    pass


class ServerDisconnectedError(ServerConnectionError):
    def __init__(self, message="Server disconnected"):
        super().__init__(message)
        self.message = message


class ServerTimeoutError(ServerConnectionError, asyncio.TimeoutError):
    pass


class ConnectionTimeoutError(ServerTimeoutError):
    pass


class InvalidURL(ClientError, ValueError):
    pass
