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
import types


class NoSelector:
    """Pyodide has no sockets to select on (and no threads to wake the loop): nothing is ever ready."""

    def register(self, fileobj, events, data=None):
        raise OSError("no file descriptors to watch in the browser")

    def unregister(self, fileobj):
        raise KeyError(fileobj)

    def modify(self, fileobj, events, data=None):
        raise KeyError(fileobj)

    def select(self, timeout=None):
        if timeout is None:
            # CPython would wait here for ever: nothing can wake the loop any more.
            raise RuntimeError("the program waits for ever: no timer and nothing else can wake it")
        return []

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
    """The selector loop's self-pipe is a socket pair, which Pyodide cannot make; only other
    threads (call_soon_threadsafe) and signals write to it, and Pyodide has neither."""

    def make(self):
        self._ssock = self._csock = _NoSocket()

    cls._make_self_pipe = make
    cls._close_self_pipe = lambda self: None
    cls._write_to_self = lambda self: None


def _stub_unimportable(clock):
    for name in clock.REAL_TIME_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            sys.modules[name] = types.ModuleType(name)


def install(loop, clock):
    """Before harness.main: `loop` and `clock` are the recorder's modules (imported, not installed)."""
    # Pyodide starts with its browser loop set running and asyncio.run routed to it: the
    # program gets CPython's own asyncio.run, and the recorder's loop, as in a recording.
    import asyncio.runners
    import selectors

    asyncio.run = asyncio.runners.run
    asyncio.events._set_running_loop(None)
    _stub_unimportable(clock)
    _without_self_pipe(loop.VirtualEventLoop)
    selectors.DefaultSelector = NoSelector
