"""What Pyodide lacks, stood in for around the recorder (which stays unchanged).

Used both where 3.14 is recorded (pyodide_record.py, under node) and where the page runs
Python (src/sandbox/python/live_run.py), so Run Python and the recording run the same code:
CPython's own asyncio.run instead of Pyodide's browser loop, no self-pipe (no socket pairs),
no real selector (nothing to watch), and empty modules for those the clock patches but
Pyodide cannot import (no processes).
"""

import asyncio
import importlib
import sys
import threading
import types

import pyodide_processes
import pyodide_signals
import pyodide_threads


class NoSelector:
    """Pyodide has no sockets to select on: nothing is ever ready. Only another thread (a
    simulated one, pyodide_threads.py) can wake a loop that waits, through the stand-in for
    the self-pipe (call_soon_threadsafe)."""

    def __init__(self):
        self._woken = threading.Event()  # the self-pipe, written and not read yet

    def register(self, fileobj, events, data=None):
        raise OSError("no file descriptors to watch in the browser")

    def unregister(self, fileobj):
        raise KeyError(fileobj)

    def modify(self, fileobj, events, data=None):
        raise KeyError(fileobj)

    def select(self, timeout=None):
        if timeout is None and not self._woken.is_set():
            if not pyodide_threads.others_alive():
                # CPython would wait here for ever: nothing can wake the loop any more.
                raise RuntimeError("the program waits for ever: no timer and nothing else can wake it")
            self._woken.wait()  # the other threads run meanwhile
        self._woken.clear()
        return []

    def wake(self):
        self._woken.set()

    def get_map(self):
        return {}

    def close(self):
        pass


class _NoSocket:
    """Stands for the self-pipe's ends: `fileno()` -1 turns signal wake-ups off."""

    def fileno(self):
        return -1

    def close(self):
        pass


def _without_self_pipe(cls):
    """The selector loop's self-pipe is a socket pair, which Pyodide cannot make; other
    threads (call_soon_threadsafe) write to it to wake the loop, as they wake NoSelector here
    (signals have their own way, pyodide_signals.py)."""

    def make(self):
        self._ssock = self._csock = _NoSocket()

    cls._make_self_pipe = make
    cls._close_self_pipe = lambda self: None
    cls._write_to_self = lambda self: self._selector.real.wake()


def stub_unimportable(clock):
    """An empty module for each of the clock's modules Pyodide cannot import (multiprocessing's
    locks: no `_multiprocessing.SemLock`), so that clock.install finds them. The site's
    interpreter snapshot has them already (python-warm-up.ts): a failed import is not cached,
    and compiled its source again on every run."""
    for name in clock.REAL_TIME_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            sys.modules[name] = types.ModuleType(name)


NO_STACKS = ("Run Python cannot start a thread in this browser: its threads are stacks that "
             "WebAssembly stack switching (JSPI) suspends, which this browser lacks (Chromium "
             "has it). The recorded output beside shows what CPython printed.")


def _refuse_threads(loop):
    """No JSPI here (the run was entered by a plain call): a thread is refused where it starts,
    at once, instead of the program stalling until the watchdog."""
    import concurrent.futures
    import threading

    in_executor = loop.VirtualEventLoop.run_in_executor

    def run_in_executor(self, executor, func, *args):
        if executor is None or isinstance(executor, concurrent.futures.ThreadPoolExecutor):
            raise RuntimeError(NO_STACKS)
        return in_executor(self, executor, func, *args)

    def start(self):
        raise RuntimeError(NO_STACKS)

    loop.VirtualEventLoop.run_in_executor = run_in_executor
    threading.Thread.start = start


def _with_threads(loop):
    import concurrent.futures.thread
    import threading

    from pyodide.ffi import can_run_sync

    if not can_run_sync():
        _refuse_threads(loop)
        return
    pyodide_threads.install()
    # Made when the recorder was imported, on the C locks, which cannot wait here.
    loop.jobs._tls = threading.local()
    loop.outside._cond = threading.Condition()
    concurrent.futures.thread._global_shutdown_lock = threading.Lock()


def install(loop, clock):
    """Before harness.main: `loop` and `clock` are the recorder's modules (imported, not installed)."""
    # Pyodide starts with its browser loop set running and asyncio.run routed to it: the
    # program gets CPython's own asyncio.run, and the recorder's loop, as in a recording.
    import asyncio.runners
    import selectors

    asyncio.run = asyncio.runners.run
    asyncio.events._set_running_loop(None)
    stub_unimportable(clock)
    _without_self_pipe(loop.VirtualEventLoop)
    selectors.DefaultSelector = NoSelector
    pyodide_signals.install(loop)
    pyodide_processes.install()
    _with_threads(loop)
