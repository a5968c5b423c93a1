"""Stand-in for redis.asyncio on a simulated server: src/sandbox/services/redis.ts in Python.

Every command is one round trip of simulated.redis(latency=...) (default 0.01 s: half out, the
server applies it, half back); a pipeline sends all its commands in one round trip. Keys
expire on the loop's clock. Values are stored as str(value) and returned as bytes unless
decode_responses=True (the TypeScript client always returns strings)."""

import asyncio

from simulated import settings

_store = {}


def _now():
    return asyncio.get_running_loop().time()


def _live(key):
    e = _store.get(key)
    if e is not None and e[1] is not None and _now() >= e[1]:
        del _store[key]
        return None
    return e


def _keys(keys):
    out = []
    for k in keys:
        out.extend(k if isinstance(k, (list, tuple)) else [k])
    return out


class _Commands:
    """Each method returns a function the server runs."""

    def __init__(self, decode):
        self._decode = decode

    def _out(self, value):
        if value is None or self._decode:
            return value
        return value.encode()

    def set(self, key, value, ex=None, px=None, nx=False, xx=False):
        def run():
            exists = _live(key) is not None
            if (nx and exists) or (xx and not exists):
                return None
            ttl = ex if ex is not None else (px / 1000 if px is not None else None)
            _store[key] = [str(value) if not isinstance(value, bytes) else value.decode(), None if ttl is None else _now() + ttl]
            return True

        return run

    def get(self, key):
        return lambda: self._out((_live(key) or [None])[0])

    def mget(self, keys):
        return lambda: [self._out((_live(k) or [None])[0]) for k in keys]

    def delete(self, keys):
        def run():
            n = 0
            for k in keys:
                if _live(k) is not None:
                    del _store[k]
                    n += 1
            return n

        return run

    def exists(self, keys):
        return lambda: sum(1 for k in keys if _live(k) is not None)

    def incr(self, key, amount=1):
        def run():
            e = _live(key)
            n = (int(e[0]) if e else 0) + amount
            _store[key] = [str(n), e[1] if e else None]
            return n

        return run

    def expire(self, key, seconds):
        def run():
            e = _live(key)
            if e is None:
                return False
            e[1] = _now() + seconds
            return True

        return run

    def ttl(self, key):
        def run():
            e = _live(key)
            if e is None:
                return -2
            if e[1] is None:
                return -1
            return int((e[1] - _now() + 0.5) // 1)

        return run


async def _round_trip(batch):
    latency = settings.redis_latency
    await asyncio.sleep(latency / 2)
    out = [c() for c in batch]
    await asyncio.sleep(latency / 2)
    return out


class Pipeline:
    def __init__(self, decode):
        self._c = _Commands(decode)
        self._batch = []

    def _add(self, cmd):
        self._batch.append(cmd)
        return self

    def set(self, key, value, ex=None, px=None, nx=False, xx=False):
        return self._add(self._c.set(key, value, ex, px, nx, xx))

    def get(self, key):
        return self._add(self._c.get(key))

    def mget(self, keys, *args):
        return self._add(self._c.mget(_keys([keys, *args])))

    def delete(self, *keys):
        return self._add(self._c.delete(_keys(keys)))

    def incr(self, key, amount=1):
        return self._add(self._c.incr(key, amount))

    def expire(self, key, seconds):
        return self._add(self._c.expire(key, seconds))

    async def execute(self, raise_on_error=True):
        batch, self._batch = self._batch, []
        return await _round_trip(batch)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self._batch = []


class Redis:
    def __init__(self, host="localhost", port=6379, db=0, *, decode_responses=False, **_ignored):
        self._decode = decode_responses
        self._c = _Commands(decode_responses)

    async def _one(self, cmd):
        return (await _round_trip([cmd]))[0]

    async def set(self, key, value, ex=None, px=None, nx=False, xx=False):
        return await self._one(self._c.set(key, value, ex, px, nx, xx))

    async def get(self, key):
        return await self._one(self._c.get(key))

    async def mget(self, keys, *args):
        return await self._one(self._c.mget(_keys([keys, *args])))

    async def delete(self, *keys):
        return await self._one(self._c.delete(_keys(keys)))

    async def exists(self, *keys):
        return await self._one(self._c.exists(_keys(keys)))

    async def incr(self, key, amount=1):
        return await self._one(self._c.incr(key, amount))

    async def expire(self, key, seconds):
        return await self._one(self._c.expire(key, seconds))

    async def ttl(self, key):
        return await self._one(self._c.ttl(key))

    async def ping(self):
        return await self._one(lambda: True)

    def pipeline(self, transaction=True):
        return Pipeline(self._decode)

    async def aclose(self):
        pass

    async def close(self):
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.aclose()


def from_url(url, **kwargs):
    return Redis(**kwargs)


StrictRedis = Redis
