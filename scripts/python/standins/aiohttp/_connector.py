"""TCPConnector: src/sandbox/services/http-connector.ts in Python (FIFO waiters, reserved slots)."""

import asyncio


class _Connection:
    def __init__(self, connector, key):
        self._connector = connector
        self.key = key
        self._held = True

    def release(self):
        if not self._held:
            return
        self._held = False
        self._connector._unreserve(self.key)


class TCPConnector:
    """A connection pool: aiohttp.TCPConnector(limit=100, limit_per_host=0); 0 is unbounded."""

    def __init__(self, *, limit=100, limit_per_host=0, **_ignored):
        self.limit = limit
        self.limit_per_host = limit_per_host
        self._total = 0
        self._per_host = {}
        self._waiters = []
        self.closed = False

    def _free(self, key):
        if self.limit > 0 and self._total >= self.limit:
            return False
        return not (self.limit_per_host > 0 and self._per_host.get(key, 0) >= self.limit_per_host)

    def _reserve(self, key):
        self._total += 1
        self._per_host[key] = self._per_host.get(key, 0) + 1

    def _unreserve(self, key):
        self._total -= 1
        self._per_host[key] = self._per_host.get(key, 1) - 1
        self._wake_waiters()

    async def _acquire(self, key):
        if self._free(key):
            self._reserve(key)
            return _Connection(self, key)
        fut = asyncio.get_running_loop().create_future()
        w = (key, fut)
        self._waiters.append(w)
        try:
            await fut
        except asyncio.CancelledError:
            if w in self._waiters:
                self._waiters.remove(w)
            if fut.done() and not fut.cancelled():
                _Connection(self, key).release()
            raise
        return _Connection(self, key)

    def _wake_waiters(self):
        for w in list(self._waiters):
            key, fut = w
            if fut.done():
                continue
            if self.limit > 0 and self._total >= self.limit:
                break
            if not self._free(key):
                continue
            self._reserve(key)
            self._waiters.remove(w)
            fut.set_result(None)

    async def close(self):
        self.closed = True
