"""Stand-in for asyncpg on the simulated database: src/sandbox/services/asyncpg.ts in Python.

create_pool(min_size, max_size) / connect(), pool.acquire() (await or async with),
pool.release, pool.fetch/fetchrow/fetchval/execute, conn.execute/executemany/fetch/fetchrow/
fetchval, conn.transaction() (async with, or start/commit/rollback), Record, and the errors.
Every query is one round trip of simulated.postgres(latency=...) (default 0.05 s)."""

import asyncio

from simulated import _sql, settings

__version__ = "0.29.0+simulated"


class PostgresError(Exception):
    pass


class UniqueViolationError(PostgresError):
    pass


class UndefinedTableError(PostgresError):
    pass


class UndefinedColumnError(PostgresError):
    pass


class DuplicateTableError(PostgresError):
    pass


class PostgresSyntaxError(PostgresError):
    pass


class InterfaceError(Exception):
    pass


_ERRORS = {c.__name__: c for c in (PostgresError, UniqueViolationError, UndefinedTableError, UndefinedColumnError, DuplicateTableError, PostgresSyntaxError)}

_next_pid = [1001]


def _execute(sql, args):
    try:
        return _sql.execute(sql, args)
    except _sql.SqlError as e:
        raise _ERRORS[e.kind](str(e)) from None


class Record:
    """asyncpg.Record: r["name"], r[0], dict(r), r.get(); printed <Record id=1 name='Alice'>."""

    def __init__(self, row):
        self._row = dict(row)

    def __getitem__(self, key):
        if isinstance(key, int):
            return list(self._row.values())[key]
        return self._row[key]

    def get(self, key, default=None):
        return self._row.get(key, default)

    def keys(self):
        return iter(self._row.keys())

    def values(self):
        return iter(self._row.values())

    def items(self):
        return iter(self._row.items())

    def __iter__(self):
        return iter(self._row.values())

    def __len__(self):
        return len(self._row)

    def __repr__(self):
        return "<Record" + "".join(f" {k}={v!r}" for k, v in self._row.items()) + ">"


class Transaction:
    def __init__(self, conn):
        self._conn = conn

    async def start(self):
        await self._conn._control("BEGIN")

    async def commit(self):
        await self._conn._control("COMMIT")

    async def rollback(self):
        await self._conn._control("ROLLBACK")

    async def __aenter__(self):
        await self.start()
        return self

    async def __aexit__(self, exc_type, exc, tb):
        if exc_type is None:
            await self.commit()
        else:
            await self.rollback()


class Connection:
    def __init__(self):
        self._pid = _next_pid[0]
        _next_pid[0] += 1
        self._busy = False
        self._undo = None
        self._pool = None

    def get_server_pid(self):
        return self._pid

    async def _run(self, sql, args):
        if self._busy:
            raise InterfaceError("cannot perform operation: another operation is in progress")
        self._busy = True
        try:
            latency = settings.postgres_latency
            await asyncio.sleep(latency / 2)
            try:
                out = _execute(sql, args)
            except PostgresError:
                await asyncio.sleep(latency / 2)  # the error comes back like any reply
                raise
            if out.undo is not None and self._undo is not None:
                self._undo.append(out.undo)
            if out.sleep > 0:
                await asyncio.sleep(out.sleep)
            await asyncio.sleep(latency / 2)
            return out
        finally:
            self._busy = False

    async def execute(self, sql, *args, timeout=None):
        return (await self._run(sql, args)).status

    async def executemany(self, sql, args, *, timeout=None):
        if self._busy:
            raise InterfaceError("cannot perform operation: another operation is in progress")
        self._busy = True
        try:
            latency = settings.postgres_latency
            await asyncio.sleep(latency / 2)
            try:
                for a in args:
                    out = _execute(sql, tuple(a))
                    if out.undo is not None and self._undo is not None:
                        self._undo.append(out.undo)
            finally:
                await asyncio.sleep(latency / 2)
        finally:
            self._busy = False

    async def fetch(self, sql, *args, timeout=None):
        return [Record(r) for r in (await self._run(sql, args)).rows]

    async def fetchrow(self, sql, *args, timeout=None):
        rows = (await self._run(sql, args)).rows
        return Record(rows[0]) if rows else None

    async def fetchval(self, sql, *args, column=0, timeout=None):
        rows = (await self._run(sql, args)).rows
        return list(rows[0].values())[column] if rows else None

    def transaction(self, **_ignored):
        return Transaction(self)

    async def _control(self, word):
        undo = self._undo
        self._undo = [] if word == "BEGIN" else None
        await self._run("SELECT 1", ())
        if word == "ROLLBACK" and undo:
            for u in reversed(undo):
                u()

    async def close(self, *, timeout=None):
        pass


class _PoolAcquireContext:
    def __init__(self, pool):
        self._pool = pool
        self._conn = None

    def __await__(self):
        return self._pool._acquire().__await__()

    async def __aenter__(self):
        self._conn = await self._pool._acquire()
        return self._conn

    async def __aexit__(self, *exc):
        await self._pool.release(self._conn)


class Pool:
    # Idle connections form a stack (asyncpg keeps them in a LifoQueue): the most recently
    # released one is handed out first. A release first resets the connection (one round
    # trip), then wakes the longest-waiting acquirer, which takes the top of the stack when it
    # runs, as asyncio.LifoQueue.get() does.
    def __init__(self, min_size, max_size):
        self._maxsize = max_size
        opened = [self._open() for _ in range(min_size)]
        self._idle = opened[::-1]  # the first opened (1001) on top
        self._size = min_size
        self._waiters = []

    def _open(self):
        c = Connection()
        c._pool = self
        return c

    def get_size(self):
        return self._size

    def get_max_size(self):
        return self._maxsize

    def acquire(self, *, timeout=None):
        return _PoolAcquireContext(self)

    async def _acquire(self):
        while not self._idle:
            if self._size < self._maxsize:
                self._size += 1
                await asyncio.sleep(settings.postgres_latency)
                return self._open()
            fut = asyncio.get_running_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
            except BaseException:
                fut.cancel()
                if fut in self._waiters:
                    self._waiters.remove(fut)
                if self._idle and not fut.cancelled():
                    self._wake_next()
                raise
        return self._idle.pop()

    def _wake_next(self):
        while self._waiters:
            w = self._waiters.pop(0)
            if not w.done():
                w.set_result(None)
                return

    def _release(self, conn):
        self._idle.append(conn)
        self._wake_next()

    async def _reset(self, conn):
        await asyncio.sleep(settings.postgres_latency)  # asyncpg's reset query: a round trip
        self._release(conn)

    async def release(self, conn, *, timeout=None):
        # shielded, as asyncpg's: a cancelled releaser still gives the connection back
        await asyncio.shield(self._reset(conn))

    async def _with(self, name, sql, args):
        c = await self._acquire()
        try:
            return await getattr(c, name)(sql, *args)
        finally:
            await self.release(c)

    async def execute(self, sql, *args, timeout=None):
        return await self._with("execute", sql, args)

    async def fetch(self, sql, *args, timeout=None):
        return await self._with("fetch", sql, args)

    async def fetchrow(self, sql, *args, timeout=None):
        return await self._with("fetchrow", sql, args)

    async def fetchval(self, sql, *args, timeout=None):
        return await self._with("fetchval", sql, args)

    async def close(self):
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.close()


class _PoolCreate:
    def __init__(self, min_size, max_size):
        self._min = min_size
        self._max = max_size

    def __await__(self):
        return self._create().__await__()

    async def _create(self):
        min_size = min(self._min, self._max)
        if min_size > 0:
            await asyncio.sleep(settings.postgres_latency)
        return Pool(min_size, self._max)

    async def __aenter__(self):
        self._pool = await self._create()
        return self._pool

    async def __aexit__(self, *exc):
        await self._pool.close()


def create_pool(dsn=None, *, min_size=10, max_size=10, **_ignored):
    return _PoolCreate(min_size, max_size)


async def connect(dsn=None, **_ignored):
    await asyncio.sleep(settings.postgres_latency)
    return Connection()
