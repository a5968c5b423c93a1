"""Runs a reader's main.py in Pyodide exactly as scripts/python/record.py records it.

The recorder's own modules (`_asyncio_live_recorder`: the virtual-clock loop, the patched
time functions, the stamped stdout, the fixed orders, the stand-ins) are loaded unchanged;
this module only redirects where their output goes. Each transcript line becomes a trace
event for the sandbox worker (the same events the TypeScript runtime sends), and the loop's
task steps become the timeline's events: created, started, suspended on what, resumed,
done, failed, cancelled.

`emit(json)` is the worker's function (a JavaScript callable) that takes one event.
"""

import asyncio
import asyncio.futures
import importlib
import json
import sys
import types
import weakref

_emit = None
_ids = weakref.WeakKeyDictionary()  # task -> the number the trace knows it by
_started = weakref.WeakSet()
_sleeps = weakref.WeakKeyDictionary()  # a sleep's future -> "sleep(1)"
_named = [0]  # a task named at creation has no Task-N number: -1, -2, ... (as in trace.ts)
_exc = []  # lines of the escaping exception, sent as one event
_exc_t = [0.0]
_failed = [None]  # the first escaped exception: (type, message)

# What reader code may not import: the JavaScript bridge and the network (no fetch, no
# packages). The sandbox's CSP has no network anyway; this says so clearly, at once.
BLOCKED = {
    "js": "the page's JavaScript is not reachable from Python here",
    "pyodide_js": "the page's JavaScript is not reachable from Python here",
    "pyodide": "Pyodide's JavaScript bridge (and pyodide.http) is not available here: no network",
    "_pyodide": "Pyodide's JavaScript bridge is not available here",
    "micropip": "installing packages needs the network, which this sandbox does not have",
    "pyodide_http": "no network in this sandbox",
    "asyncio_live_bridge": "internal to the sandbox",
}


class _Blocked:
    def find_spec(self, fullname, path=None, target=None):
        reason = BLOCKED.get(fullname.partition(".")[0])
        if reason is not None:
            raise ModuleNotFoundError(f"No module named '{fullname}' ({reason})", name=fullname)
        return None


def _block_reader_imports(path):
    """Pyodide's own modules import `js` lazily; the reader's files may not (loaded or not)."""
    import builtins
    import importlib
    import os

    folder = os.path.dirname(path) + os.sep

    def check(name, importer_globals):
        importer = (importer_globals or {}).get("__file__") or ""
        reason = BLOCKED.get(str(name).partition(".")[0])
        if reason is not None and os.path.abspath(importer).startswith(folder):
            raise ModuleNotFoundError(f"No module named '{name}' ({reason})", name=name)

    real_import, real_import_module = builtins.__import__, importlib.import_module

    def guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
        if level == 0:
            check(name, globals)
        return real_import(name, globals, locals, fromlist, level)

    def guarded_import_module(name, package=None):
        check(name, sys._getframe(1).f_globals)
        return real_import_module(name, package)

    builtins.__import__ = guarded_import
    importlib.import_module = guarded_import_module


def send(event):
    _emit(json.dumps(event, ensure_ascii=False))


class _Stamp(str):
    """The recorder's stamp, carrying what the trace needs besides its text."""


def _task_id(task):
    if task is None:
        return None
    known = _ids.get(task)
    if known is None:
        name = task.get_name()
        number = name[5:] if name.startswith("Task-") else ""
        if number.isdigit():
            known = int(number)
        else:
            _named[0] -= 1
            known = _named[0]
        _ids[task] = known
    return known


def _current_task():
    try:
        if asyncio.events._get_running_loop() is None:
            return None
        return asyncio.current_task()
    except Exception:  # noqa: BLE001 - the recorder's own rule (transcript.py)
        return None


def _flush_exception():
    if _exc:
        send({"type": "exception", "t": _exc_t[0], "lines": list(_exc)})
        _exc.clear()


def _patch_transcript(transcript, clock):
    def stamp(with_task=True):
        task = _current_task() if with_task else None
        name = task.get_name() if task is not None else None
        t = clock.now()
        s = _Stamp(f"[t={t:.3f} {name}] " if name else f"[t={t:.3f}] ")
        s.t, s.task, s.name = t, _task_id(task), name
        return s

    def emit(self, prefix, text):
        _flush_exception()
        t = getattr(prefix, "t", clock.now())
        send({"type": "print", "t": t, "task": getattr(prefix, "task", None),
              "name": getattr(prefix, "name", None), "text": text})

    def event_line(text):
        t = clock.now()
        if text.startswith("EXC "):
            if not _exc:
                _exc_t[0] = t
                kind, _, message = text[4:].partition(": ")
                _failed[0] = _failed[0] or (kind, message)
            _exc.append(text[4:])
        elif text.startswith("LOOP-ERROR "):
            _flush_exception()
            send({"type": "loop-error", "t": t, "text": text[11:]})

    transcript.stamp = stamp
    transcript.StampedStdout.emit = emit
    transcript.event_line = event_line


class _Step:
    """A task's step or wake-up, as the loop runs it: reported before and after."""

    __slots__ = ("task", "callback", "clock", "describe")

    def __init__(self, task, callback, clock, describe):
        self.task, self.callback, self.clock, self.describe = task, callback, clock, describe

    @property
    def __self__(self):
        # Debug mode's slow-callback warning shows a step as its task (base_events._format_handle).
        return self.task

    def __call__(self, *args):
        task = self.task
        tid = _task_id(task)
        first = task not in _started
        _started.add(task)
        clock, describe, callback = self.clock, self.describe, self.callback
        send({"type": "started" if first else "resumed", "t": clock.now(), "task": tid})
        # While the step runs, this frame must hold neither the task nor this wrapper: a
        # frame the task's exception traceback reaches would keep a failed task alive past
        # the moment CPython frees it, and so delay "Task exception was never retrieved".
        ref = weakref.ref(task)
        del task
        self = None  # noqa: PLW0642
        callback(*args)
        del callback
        _after(ref, tid, clock, describe)  # which takes the task back in a frame of its own


def _after(ref, tid, clock, describe):
    """What the step left the task doing: waiting on something, or done."""
    task = ref()
    if task is None:
        return
    t = clock.now()
    if not task.done():
        waiter = getattr(task, "_fut_waiter", None)
        send({"type": "suspended", "t": t, "task": tid, "on": _waiting_on(waiter)})
    elif task.cancelled():
        message = str(getattr(task, "_cancel_message", None) or "")
        send({"type": "cancelled", "t": t, "task": tid, "message": message})
    elif getattr(task, "_exception", None) is not None:
        # Read without exception(): that would silence "exception was never retrieved".
        send({"type": "failed", "t": t, "task": tid, "error": describe(task._exception)})
    else:
        result = _repr(getattr(task, "_result", None))
        send({"type": "done", "t": t, "task": tid, "result": result})


def _repr(value):
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001
        text = "<unprintable>"
    return text[:2000]


def _waiting_on(waiter):
    if waiter is None:
        return "the loop"
    if isinstance(waiter, asyncio.Task):
        return waiter.get_name()
    label = _sleeps.get(waiter)
    if label is not None:
        return label
    return type(waiter).__name__.lstrip("_")


def _patch_loop(loop_module, clock, describe):
    cls = loop_module.VirtualEventLoop
    call_soon, create_task, call_at = cls.call_soon, cls.create_task, cls.call_at
    set_result = asyncio.futures._set_result_unless_cancelled

    def traced_call_soon(self, callback, *args, context=None):
        task = getattr(callback, "__self__", None)
        if isinstance(task, asyncio.Task):
            callback = _Step(task, callback, clock, describe)
        return call_soon(self, callback, *args, context=context)

    def traced_create_task(self, coro, **kwargs):
        parent = _task_id(_current_task())
        task = create_task(self, coro, **kwargs)
        send({"type": "created", "t": clock.now(), "task": _task_id(task),
              "name": task.get_name(), "parent": parent})
        return task

    def labelled_call_at(self, when, callback, *args, context=None):
        if callback is set_result and args:
            try:
                _sleeps[args[0]] = f"sleep({round(when - self.time(), 6):g})"
            except TypeError:
                pass
        return call_at(self, when, callback, *args, context=context)

    cls.call_soon = traced_call_soon
    cls.create_task = traced_create_task
    cls.call_at = labelled_call_at


class _NoSelector:
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
    """Modules the clock hands the real time that Pyodide cannot import (no processes)."""
    for name in clock.REAL_TIME_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            sys.modules[name] = types.ModuleType(name)


def run(emit, path, recorder_dir):
    """Runs path (a main.py) as record.py would; returns how it ended, as JSON."""
    global _emit
    _emit = emit
    # Pyodide starts with its browser loop set running and asyncio.run routed to it: the
    # program gets CPython's own asyncio.run, and the recorder's loop, as in a recording.
    import asyncio.runners

    asyncio.run = asyncio.runners.run
    asyncio.events._set_running_loop(None)
    sys.path.insert(0, recorder_dir)
    from _asyncio_live_recorder import clock, harness, loop, transcript

    sys.path.remove(recorder_dir)
    _stub_unimportable(clock)
    _patch_transcript(transcript, clock)
    _patch_loop(loop, clock, transcript.describe)
    _without_self_pipe(loop.VirtualEventLoop)
    import selectors

    selectors.DefaultSelector = _NoSelector
    sys.meta_path.insert(0, _Blocked())
    _block_reader_imports(path)

    class _Sink:
        """harness.main writes through transcript's StampedStdout, whose emit is ours."""

        def write(self, data):
            return len(data)

        def flush(self):
            pass

    sys.stdout = types.SimpleNamespace(buffer=_Sink())
    harness.main(path)
    _flush_exception()
    failed = _failed[0]
    return json.dumps({"t": clock.now(), "failed": list(failed) if failed else None})
