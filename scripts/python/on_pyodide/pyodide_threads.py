"""Threads on Pyodide: each thread is a stack of its own, switched by JavaScript's promise
integration (JSPI), one running at a time, so the recorder's thread machinery runs unchanged.

Pyodide's CPython cannot start an OS thread. But with JSPI a Python call entered through
`callPromising` (or `runPythonAsync`, as the program's own run is) can suspend its whole
stack on a JavaScript promise (`pyodide.ffi.run_sync`) and be resumed later, and Pyodide
gives each suspended stack its own thread state (its contextvars, its running loop, its
exception). So `threading.Thread.start` here starts its function on a new stack, and a
`threading` lock that is taken makes the thread that wants it suspend and hands the turn to
the next thread ready to run: locks are all that threads block on (Condition, Event,
Semaphore, `Thread.join`, `queue`, concurrent futures are built on them). A thread runs until
it blocks, as under a GIL that never switches on its own; the recorder's batons (jobs.py,
outside.py) already decide every turn that matters for what a program prints.

What CPython would do that this cannot: run threads in parallel (no GIL switch interval: a
thread that spins without blocking keeps the turn), and wait in real time. A wait with a
timeout ends when nothing else can run any more, the earliest deadline first; a wait that
nothing can ever end raises `RuntimeError` in the main thread instead of hanging.
"""

import _thread
import asyncio
import collections
import heapq
import itertools
import queue
import threading

import js
from pyodide.ffi import create_once_callable, run_sync
from pyodide.webloop import PyodideTask, WebLoop

_MAIN = threading.main_thread().ident
_idents = itertools.count(_MAIN + 1)
_current = [_MAIN]  # the thread whose stack runs now
_ready = collections.deque()  # threads that may run, in the order they became ready
_resume = {}  # suspended thread -> the resolve function of the promise it waits on
_starts = {}  # thread not started yet -> the JavaScript callable that starts it
_alive = set()  # threads started and not ended
_blocked = {}  # thread -> its Waiter, while it waits on a lock
_timed = []  # heap of (deadline, order, Waiter): waits with a timeout
_order = itertools.count()
_time = [0.0]  # when a timed wait ends: only ever moved when nothing else can run
_browser_loop = [None]  # Pyodide's own loop, on which a suspended stack waits
FOR_EVER = "the program waits for ever: every thread waits, and nothing can wake one"


def get_ident():
    return _current[0]


def others_alive():
    """Whether a thread other than the main one has started and not ended."""
    return bool(_alive)


class _Waiter:
    __slots__ = ("ident", "granted", "error", "lock")

    def __init__(self, lock):
        self.ident, self.granted, self.error, self.lock = _current[0], False, None, lock


def _next_ready():
    """The thread to run next: a ready one, else the timed wait that ends first, else None."""
    if _ready:
        return _ready.popleft()
    while _timed:
        deadline, _, waiter = heapq.heappop(_timed)
        if waiter.granted or waiter.error or waiter not in waiter.lock._waiters:
            continue
        waiter.lock._waiters.remove(waiter)
        _time[0] = max(_time[0], deadline)
        return waiter.ident
    return None


def _run(ident):
    start = _starts.pop(ident, None)
    if start is not None:
        js.queueMicrotask(start)  # a new stack, entered from JavaScript's top level
    else:
        _resume.pop(ident)(None)


def _deadlock():
    """Every thread waits on another, and no wait has a timeout: nothing could ever wake them
    (CPython hangs here). The main thread gets the error, if it waits; None if it does not."""
    main = _blocked.get(_MAIN)
    if main is None or _current[0] == _MAIN:
        return None
    main.error = RuntimeError(FOR_EVER)
    main.lock._waiters.remove(main)
    return _MAIN


def _hand_on():
    """This thread ended: the next one gets the turn."""
    nxt = _next_ready()
    if nxt is None:
        nxt = _deadlock()
    if nxt is not None:
        _run(nxt)


def _block(waiter):
    """This thread waits (on waiter.lock): the next one gets the turn until it is woken."""
    me = waiter.ident
    _blocked[me] = waiter
    try:
        nxt = _next_ready()
        if nxt == me:
            return  # its own timeout is what comes first: it has timed out, and goes on
        if nxt is None:
            nxt = _deadlock()
        if nxt is None:
            waiter.lock._waiters.remove(waiter)
            raise RuntimeError(FOR_EVER)
        # A JavaScript promise comes to Python as a future of the loop running here, and
        # run_sync waits on it through that loop: Pyodide's browser loop, for the moment of
        # the switch (each stack keeps its own thread state, and with it its own loop).
        own_loop = asyncio.events._get_running_loop()
        asyncio.events._set_running_loop(_browser_loop[0])
        try:
            resolvers = js.Promise.withResolvers()
            _resume[me] = resolvers.resolve
            _run(nxt)  # it runs once this stack is suspended
            run_sync(resolvers.promise)
        finally:
            asyncio.events._set_running_loop(own_loop)
            _current[0] = me
    finally:
        del _blocked[me]
    if waiter.error is not None:
        raise waiter.error


class Lock:
    """threading.Lock: a thread that finds it taken waits, and the others run meanwhile.

    release() hands it to the first waiter (which becomes ready), so waiters get it in order.
    """

    __slots__ = ("_locked", "_waiters", "__weakref__")

    def __init__(self):
        self._locked = False
        self._waiters = collections.deque()

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
        if not self._locked:
            self._locked = True
            return True
        if not blocking or timeout == 0:
            return False
        waiter = _Waiter(self)
        self._waiters.append(waiter)
        if timeout != -1:
            heapq.heappush(_timed, (_time[0] + timeout, next(_order), waiter))
        _block(waiter)
        return waiter.granted

    __enter__ = acquire

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        if self._waiters:
            waiter = self._waiters.popleft()
            waiter.granted = True
            _ready.append(waiter.ident)
        else:
            self._locked = False

    def __exit__(self, *exc):
        self.release()

    def locked(self):
        return self._locked

    def _at_fork_reinit(self):
        self._locked = False
        self._waiters.clear()

    def __repr__(self):
        state = "locked" if self._locked else "unlocked"
        return f"<{state} {type(self).__module__}.{type(self).__qualname__} object at {id(self):#x}>"


Lock.__module__ = "_thread"
Lock.__qualname__ = Lock.__name__ = "lock"


class _Handle:
    """threading's _ThreadHandle: the thread's ident, and a join that waits for its end."""

    def __init__(self):
        self.ident = None
        self._done = False
        self._running = Lock()

    def is_done(self):
        return self._done

    def _set_done(self):
        if not self._done:
            self._done = True
            self._running.release()

    def join(self, timeout=None):
        if self.ident == get_ident() and not self._done:
            raise RuntimeError("Cannot join current thread")
        if self._done:
            return
        if self._running.acquire(True, -1 if timeout is None else max(timeout, 0)):
            self._running.release()


def start_joinable_thread(function, handle=None, daemon=True):
    if handle is None:
        handle = _Handle()
    ident = next(_idents)
    handle.ident = ident
    handle._running.acquire()

    def bootstrap():
        _current[0] = ident
        _alive.add(ident)
        # The stack starts on the thread state the last suspended stack left: a new thread
        # has no running loop of its own.
        asyncio.events._set_running_loop(None)
        try:
            function()
        finally:
            _alive.discard(ident)
            handle._set_done()
            _hand_on()

    _starts[ident] = create_once_callable(bootstrap, _may_syncify=True)
    _ready.append(ident)
    return handle


def _make_thread_handle(ident):
    handle = _Handle()
    handle.ident = ident
    handle._running.acquire()
    return handle


def install():
    """Before the program (and the recorder's harness) creates any lock it will wait on."""
    threading.get_ident = get_ident
    threading._allocate_lock = threading.Lock = Lock
    threading._CRLock = None  # threading.RLock is then the Python one, on these locks
    threading._start_joinable_thread = start_joinable_thread
    threading._ThreadHandle = _Handle
    threading._make_thread_handle = _make_thread_handle
    threading._set_name = None
    # The C ones key on the C thread (one for every stack here) or block in C.
    import _threading_local

    threading.local = _threading_local.local
    queue.SimpleQueue = queue._PySimpleQueue
    _thread.get_ident = get_ident
    # The main thread's handle (threading._shutdown, join on it) follows these threads too.
    threading.main_thread()._os_thread_handle = _make_thread_handle(_MAIN)

    _browser_loop[0] = WebLoop()
    # Waiting on a promise makes tasks there: named, they take no number from the
    # program's Task-N counter (CPython's own threads make none).
    _browser_loop[0].set_task_factory(
        lambda loop, coro, **kwargs: PyodideTask(coro, loop=loop, **{"name": "switch", **kwargs}))
