"""The CPython versions the site offers, where their recordings live, and their interpreters.

One list, used by the recorder (record_all.py) and read by the site and the tests through the
files it writes. `python.out` is the transcript of BASE (3.11, the version the TypeScript
runtime follows); another version has its own `python-3.X.out` only where it prints something
different, so the folder shows at a glance which examples differ. Every version recorded has
its own key, `python.out.sha256` for BASE and `python-3.X.sha256` for the others (even when
the version has no file of its own: the key says "recorded on 3.X, and it printed python.out").
A version in ON_PYODIDE is recorded by Pyodide's CPython under node (pyodide_backend.py), on
every machine alike, since no CPython of it can be installed here.
"""

import glob
import os
import shutil
import subprocess
import sys

OFFERED = ("3.11", "3.12", "3.13", "3.14")
BASE = "3.11"
# Recorded on Pyodide (npm `pyodide`, whose CPython is this version), not on a local CPython.
ON_PYODIDE = ("3.14",)


# The programs a folder may have recorded, and the stem of their files: an example's (or an
# exercise's starting) main.py is shown beside python.out; an exercise's solution.py is recorded
# as solution.out, so the check of its TypeScript twin need not run it again (README, "Keys").
PROGRAMS = {"main.py": "python", "solution.py": "solution"}
# Only main.py's task events are kept: the page draws them; nothing reads a solution's.
TRACED = ("main.py",)


def out_name(version, program="main.py"):
    """The file holding `version`'s transcript of `program` when it has its own."""
    stem = PROGRAMS[program]
    return f"{stem}.out" if version == BASE else f"{stem}-{version}.out"


def trace_name(version, program="main.py"):
    """The file holding `version`'s task events (task_trace.py) when they differ from BASE's."""
    stem = PROGRAMS[program]
    return f"{stem}.trace" if version == BASE else f"{stem}-{version}.trace"


def key_name(version, program="main.py"):
    stem = PROGRAMS[program]
    return f"{stem}.out.sha256" if version == BASE else f"{stem}-{version}.sha256"


def env_name(version):
    """The environment variable that names `version`'s interpreter: PYTHON3_12 for 3.12."""
    return "PYTHON" + version.replace(".", "_")


def _candidates(version):
    named = os.environ.get(env_name(version))
    if named:
        yield named
        return  # an explicit choice is not second-guessed
    on_path = [shutil.which(name) for name in (os.environ.get("PYTHON") or "python3", f"python{version}")]
    # pyenv's shims cost a second a call and refuse a version that is installed but not
    # selected; its interpreters themselves do neither, so they are asked before any shim.
    yield from (p for p in on_path if p and "/shims/" not in p)
    root = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
    yield from sorted(glob.glob(os.path.join(root, "versions", f"{version}.*", "bin", f"python{version}")))
    yield from (p for p in on_path if p and "/shims/" in p)


def _ask(executable):
    """(absolute path, sys.version) of an interpreter, or None when it does not run."""
    try:
        done = subprocess.run(
            [executable, "-c", "import sys; print(sys.executable); print(sys.version)"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    lines = done.stdout.splitlines()
    if len(lines) < 2:
        return None
    return lines[0], "\n".join(lines[1:])


def find_interpreter(version):
    """(path, sys.version) of an interpreter of `version` (3.X), or None when none is here.

    For a version in ON_PYODIDE: (node, "3.14.2 (Pyodide 314.0.8)").
    """
    if version in ON_PYODIDE:
        import pyodide_backend

        return pyodide_backend.find(version)
    if not os.environ.get(env_name(version)) and f"{sys.version_info[0]}.{sys.version_info[1]}" == version:
        return sys.executable, sys.version  # the recorder's own interpreter: no need to ask
    seen = set()
    for candidate in _candidates(version):
        if not candidate or candidate in seen:
            continue
        seen.add(candidate)
        found = _ask(candidate)
        if found and found[1].split(" ")[0].rsplit(".", 1)[0] == version:
            return found
    return None
