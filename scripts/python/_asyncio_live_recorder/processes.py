"""`os.killpg` and `os.getpgid` reach the simulated child processes (SERVICES.md,
"Subprocesses"): for a pid the simulated world handed out they act on its process table, so a
program never signals a real process that happens to have that number; any other pid goes to
the real function.
"""

import operator
import os

# Pyodide's os has neither: there the simulated world's pids are the only ones.
_real_killpg = getattr(os, "killpg", None)
_real_getpgid = getattr(os, "getpgid", None)


def killpg(pgid, signal, /):
    from simulated import _processes

    if not _processes.killpg(operator.index(pgid), operator.index(signal)):
        if _real_killpg is None:
            raise ProcessLookupError(3, "No such process")
        _real_killpg(pgid, signal)


def getpgid(pid, /):
    from simulated import _processes

    pgid = _processes.getpgid(operator.index(pid))
    if pgid is not None:
        return pgid
    if _real_getpgid is None:
        raise ProcessLookupError(3, "No such process")
    return _real_getpgid(pid)


def install():
    os.killpg = killpg
    os.getpgid = getpgid
