"""Records one program inside Pyodide, as record.py does in CPython: record(path) -> (status, stdout, stderr).

Called by record_pyodide.ts in a fresh interpreter (restored from a snapshot taken right
after Pyodide booted, so nothing has run an event loop yet and task numbers start at
Task-1). The recorder itself is unchanged; pyodide_compat stands in for what Pyodide lacks.
"""

import atexit
import io
import os
import sys

import pyodide_compat  # beside this file, on sys.path while this module is imported


TRACE_PATH = "/tmp/asyncio_live_trace.json"


def record(path, recorder_dir):
    """(status, transcript, task events as record_all.py wants them, stderr)."""
    sys.path.insert(0, recorder_dir)
    from _asyncio_live_recorder import clock, harness, loop

    sys.path.remove(recorder_dir)
    pyodide_compat.install(loop, clock)
    os.environ[harness.TRACE_ENV] = TRACE_PATH
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\n", write_through=True)
    err = io.StringIO()
    sys.stdout, sys.stderr = out, err
    try:
        status = harness.main(path)
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else 1
    finally:
        # Where CPython would exit: the program's atexit handlers, then the recorder's (the last
        # lines, then the trace). This interpreter is thrown away afterwards.
        atexit._run_exitfuncs()
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    try:
        with open(TRACE_PATH, encoding="utf-8") as f:
            trace = f.read()
    except FileNotFoundError:
        trace = ""
    return status or 0, out.buffer.getvalue().decode("utf-8"), trace, err.getvalue()
