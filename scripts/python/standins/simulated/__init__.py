"""The knobs of the simulated services (the recorder's stand-ins and the TypeScript sandbox
share them; see scripts/python/standins/SERVICES.md for the whole spec).

    import simulated
    simulated.http(latency=0.2, failure_rate=0.3, seed=7)   # every host
    simulated.http(host="slow.test", latency=2)             # one host
    simulated.postgres(latency=0.05)
    simulated.redis(latency=0.01)
    simulated.files(latency=0.01, contents={"example.txt": "Hello"})
    simulated.network(latency=0.05, bandwidth=100_000)     # TCP: open_connection, start_server

TypeScript: `import * as simulated from "simulated"`, the same functions with an options
object (`failureRate`, `streamInterval`).
"""

import random as _random

_HTTP_DEFAULTS = {"latency": 0.1, "jitter": 0.0, "failure_rate": 0.0, "stream_interval": 0.05}


class HttpHost:
    """How one HTTP host behaves; `rng` draws failures and jitter (random.Random(seed))."""

    def __init__(self, copy_from=None):
        src = copy_from.__dict__ if copy_from else _HTTP_DEFAULTS
        self.latency = src["latency"]
        self.jitter = src["jitter"]
        self.failure_rate = src["failure_rate"]
        self.stream_interval = src["stream_interval"]
        self.rng = _random.Random(0)


class _Settings:
    def __init__(self):
        self.http_fallback = HttpHost()
        self.http_hosts = {}
        self.postgres_latency = 0.05
        self.redis_latency = 0.01
        self.files_latency = 0.01
        self.network_latency = 0.01
        self.network_bandwidth = None  # bytes per second; None: no limit


settings = _Settings()
_file_hooks = []


def http_host(host):
    """The settings that apply to `host`."""
    return settings.http_hosts.get(host, settings.http_fallback)


def http(*, latency=None, jitter=None, failure_rate=None, seed=None, stream_interval=None, host=None):
    """Set how HTTP hosts behave; options left out keep their values."""
    target = settings.http_fallback
    if host is not None:
        target = settings.http_hosts.get(host)
        if target is None:
            target = HttpHost(settings.http_fallback)
            settings.http_hosts[host] = target
    for name, value in (
        ("latency", latency),
        ("jitter", jitter),
        ("failure_rate", failure_rate),
        ("stream_interval", stream_interval),
    ):
        if value is not None:
            setattr(target, name, value)
    if seed is not None:
        target.rng = _random.Random(seed)


def postgres(*, latency=None):
    """Set the database's round trip per query (default 0.05 s)."""
    if latency is not None:
        settings.postgres_latency = latency


def redis(*, latency=None):
    """Set Redis's round trip per command or pipeline (default 0.01 s)."""
    if latency is not None:
        settings.redis_latency = latency


def files(*, latency=None, contents=None):
    """Set the file system's latency per operation (default 0.01 s) and add files."""
    if latency is not None:
        settings.files_latency = latency
    for path, text in (contents or {}).items():
        for hook in _file_hooks:
            hook(path, text)


def network(*, latency=None, bandwidth=None):
    """Set the TCP network's one-way latency (default 0.01 s) and bandwidth in bytes per
    second (default None: no limit). `bandwidth=0` also means no limit."""
    if latency is not None:
        settings.network_latency = latency
    if bandwidth is not None:
        settings.network_bandwidth = bandwidth or None


def send_signal(sig, *, at):
    """The world sends the program a signal at loop time `at` (as if `kill -TERM <pid>` ran,
    or Ctrl-C was pressed then): `signal.raise_signal` from a timer, so CPython's own machinery
    handles it (handlers from `loop.add_signal_handler`, `asyncio.run`'s Ctrl-C, the default
    action). Needs a running loop; a signal due after the loop has stopped is never sent."""
    import asyncio
    import signal

    if isinstance(sig, str):
        try:
            signum = signal.Signals[sig]
        except KeyError:
            raise ValueError(f"unknown signal: {sig!r}") from None
    else:
        signum = signal.Signals(sig)
    loop = asyncio.get_running_loop()
    loop.call_at(at, signal.raise_signal, signum)
