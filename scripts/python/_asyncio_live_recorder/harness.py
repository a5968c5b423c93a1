"""Runs one example under the virtual clock and writes its transcript to stdout."""

import asyncio  # noqa: F401 - imported before the patches, as the example will find it
import atexit
import gc
import os
import random
import runpy
import sys
import traceback

from . import asyncio_log, clock, jobs, loop, orders, outside, processes, standins, task_trace, transcript

PINNED_CPU_COUNT = 4  # default pool sizes (min(32, cpus + 4)) must not depend on the machine
# Where record_all.py wants the task events (task_trace.py); unset, none are kept (Run Python).
TRACE_ENV = "ASYNCIO_LIVE_TRACE"


def main(path):
    path = os.path.abspath(path)
    folder, filename = os.path.split(path)
    if not os.path.isfile(path):
        sys.stderr.write(f"record.py: no such file: {path}\n")
        return 2

    out = transcript.install(sys.stdout.buffer)
    asyncio_log.install()
    clock.install(loop.vsleep)
    jobs.install()
    outside.install()
    loop.install()
    orders.install()
    standins.install()
    processes.install()
    os.cpu_count = lambda: PINNED_CPU_COUNT
    if hasattr(os, "process_cpu_count"):
        os.process_cpu_count = lambda: PINNED_CPU_COUNT

    # As `python3 main.py` run from the example's folder would see it.
    os.chdir(folder)
    sys.path.insert(1, folder)
    sys.argv = [filename]
    random.seed(0)
    trace_path = os.environ.pop(TRACE_ENV, None)
    if trace_path:
        atexit.register(task_trace.install(trace_path))  # runs last: after the last line
    atexit.register(out.finish_lines)  # runs after the program's own atexit handlers
    sys.stdout = out

    try:
        runpy.run_path(filename, run_name="__main__")
    except SystemExit as exc:
        if exc.code not in (None, 0):
            _record_escape(out, exc)
    except BaseException as exc:  # noqa: BLE001 - an escaping exception is a recorded outcome
        _record_escape(out, exc)
    loop.finish_pending_jobs()
    gc.collect()  # "Task exception was never retrieved" for tasks caught in cycles
    out.finish_lines()
    return 0


def _record_escape(out, exc):
    out.finish_lines()
    for line in transcript.exception_lines(exc):
        transcript.event_line(line)
    traceback.print_exception(exc, file=sys.stderr)
