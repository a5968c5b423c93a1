"""Runs a reader's main.py in Pyodide exactly as scripts/python/record.py records it.

The recorder's own modules (`_asyncio_live_recorder`: the virtual-clock loop, the patched
time functions, the stamped stdout, the fixed orders, the stand-ins) are loaded unchanged;
this module only redirects where their output goes. Each transcript line becomes a trace
event for the sandbox worker (the same events the TypeScript runtime sends), and the task
events the recorder writes to python.trace (task_trace.py: its task ids, its wait labels)
become the timeline's events: created, started, suspended on what, resumed, done, failed,
cancelled, renamed. An exception that escapes the program also says where in the reader's
file it was raised, for the editor's mark.

`emit(json)` is the worker's function (a JavaScript callable) that takes one event.
"""

import asyncio
import json
import linecache
import os
import sys
import traceback
import types

_emit = None
_exc = []  # lines of the escaping exception, sent as one event
_exc_t = [0.0]
_failed = [None]  # the first escaped exception: (type, message)
_where = [None]  # where in the reader's file it was raised: {"line", "column"}
_program = [""]  # the reader's main.py, absolute

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


def _patch_transcript(transcript, clock, task_id):
    def stamp(with_task=True):
        task = _current_task() if with_task else None
        name = task.get_name() if task is not None else None
        t = clock.now()
        s = _Stamp(f"[t={t:.3f} {name}] " if name else f"[t={t:.3f}] ")
        s.t, s.task, s.name = t, task_id(task) if task is not None else None, name
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

    real_exception_lines = transcript.exception_lines

    def exception_lines(exc, depth=0):
        # Called by the harness for the exception that escaped the program, and only for it.
        if depth == 0 and _where[0] is None:
            _where[0] = reader_position(exc, _program[0])
        return real_exception_lines(exc, depth)

    transcript.stamp = stamp
    transcript.StampedStdout.emit = emit
    transcript.event_line = event_line
    transcript.exception_lines = exception_lines


# The recorder's task events (task_trace.py), as the runtime's trace events (trace.ts).
_TRACE_TYPES = {
    "s": "started",
    "r": "resumed",
    "w": ("suspended", "on"),
    "d": ("done", "result"),
    "f": ("failed", "error"),
    "x": ("cancelled", "message"),
    "n": ("renamed", "name"),
}


def _send_task_event(event):
    kind = event[0]
    if kind == "c":
        send({"type": "created", "t": event[1], "task": event[2], "name": event[3],
              "parent": event[4]})
        return
    shape = _TRACE_TYPES[kind]
    if isinstance(shape, str):
        send({"type": shape, "t": event[1], "task": event[2]})
    else:
        send({"type": shape[0], "t": event[1], "task": event[2], shape[1]: event[3]})


def _char_column(path, line, byte_offset):
    """Python's frame columns count UTF-8 bytes; the editor counts characters (1-based)."""
    text = linecache.getline(path, line)
    return len(text.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore")) + 1


def reader_position(exc, path):
    """Where in the reader's file `exc` was raised: {"line", "column"} (1-based), or None.

    A SyntaxError (IndentationError too) names its own place; any other exception the
    innermost frame of the reader's file in its traceback (an ExceptionGroup: its first
    sub-exception's, which is where the program failed, not where the group was raised).
    """
    if isinstance(exc, SyntaxError) and exc.filename and exc.lineno:
        if os.path.abspath(exc.filename) != path:
            return None
        return {"line": exc.lineno, "column": max(1, exc.offset or 1)}
    if isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        inner = reader_position(exc.exceptions[0], path)
        if inner is not None:
            return inner
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if os.path.abspath(f.filename) == path and f.lineno]
    if not frames:
        return None
    frame = frames[-1]
    column = 1
    if getattr(frame, "colno", None) is not None:
        column = _char_column(path, frame.lineno, frame.colno)
    return {"line": frame.lineno, "column": column}


def run(emit, path, recorder_dir):
    """Runs path (a main.py) as record.py would; returns how it ended, as JSON."""
    global _emit
    _emit = emit
    sys.path.insert(0, recorder_dir)
    sys.path.insert(0, f"{recorder_dir}/on_pyodide")
    from _asyncio_live_recorder import clock, harness, loop, task_trace, transcript
    import pyodide_compat

    sys.path.remove(recorder_dir)
    sys.path.remove(f"{recorder_dir}/on_pyodide")
    _program[0] = os.path.abspath(path)
    pyodide_compat.install(loop, clock)
    _patch_transcript(transcript, clock, task_trace.task_id)
    task_trace.observe(_send_task_event)  # after the transcript's patch: see observe
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
    return json.dumps({"t": clock.now(), "failed": list(failed) if failed else None,
                       "position": _where[0] if failed else None})
