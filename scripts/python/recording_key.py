"""The key of a recording: what a python.out depends on, hashed.

A transcript is a pure function of its main.py, the recorder (this folder's harness and
stand-ins) and the Python that ran it: the recorder fixes everything else (clock, hash seed,
random seed, cpu count). Each version recorded has its key file (python_versions.key_name:
`python.out.sha256` for 3.11, `python-3.12.sha256`, ...), holding the hash of the inputs it was
recorded from (the exact `sys.version` included) and the hash of that version's transcript
(its own `python-3.X.out`, or python.out where it printed the same) and of its task events
(`python-3.X.trace`, or python.trace where they are the same). When both still match, a
fresh recording would print the same bytes, so `record-python --changed` skips it; when the
recorder or that Python changes, its keys change and it is recorded again.

An exercise's solution.py is recorded the same way beside it (python_versions.PROGRAMS):
`solution.out`, `solution-3.X.out` where a version differs, and `solution.out.sha256`,
`solution-3.X.sha256`; its task events are not kept, so its key hashes an empty trace.
"""

import hashlib
import os
from python_versions import BASE, TRACED, key_name, out_name, trace_name

HERE = os.path.dirname(os.path.abspath(__file__))
# The recorder's own sources: whatever they print is part of every transcript.
RECORDER_PARTS = ("record.py", "_asyncio_live_recorder", "standins")
# And, for a version recorded on Pyodide, the back end that runs the recorder there (with the
# environment and the program's path it shares with the page's Run Python).
PYODIDE_PARTS = ("on_pyodide", "../../src/sandbox/python/python-env.ts", "../../src/sandbox/python/python-paths.ts")


def _recorder_files(parts):
    for part in parts:
        path = os.path.join(HERE, part)
        if os.path.isfile(path):
            yield path
            continue
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            yield from (os.path.join(folder, f) for f in sorted(files) if f.endswith((".py", ".ts")))


def recorder_digest(python_version, on_pyodide=False):
    """Hash of the recorder's sources and of a Python's exact version (its `sys.version`;
    on Pyodide, its Python's and Pyodide's versions, and the back end's sources too)."""
    h = hashlib.sha256(f"python {python_version}\n".encode())
    for path in _recorder_files(RECORDER_PARTS + (PYODIDE_PARTS if on_pyodide else ())):
        h.update(os.path.relpath(path, HERE).encode() + b"\0")
        with open(path, "rb") as f:
            h.update(f.read() + b"\0")
    return h.hexdigest()


def key_line(recorder, program_bytes, transcript_bytes, trace_bytes):
    """The key file's one line: inputs' hash, then the hash of the transcript and its trace."""
    inputs = hashlib.sha256(recorder.encode() + b"\0" + program_bytes).hexdigest()
    outputs = hashlib.sha256(transcript_bytes + b"\0" + trace_bytes).hexdigest()
    return f"{inputs} {outputs}\n"


def _read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def transcript_file(folder, version, name=out_name, program="main.py"):
    """The file that holds `version`'s transcript of `program` (or with `trace_name`, its task
    events) now: its own, else BASE's (the same)."""
    own = os.path.join(folder, name(version, program))
    return own if version == BASE or os.path.isfile(own) else os.path.join(folder, name(BASE, program))


def kept_trace(folder, version, program="main.py"):
    """The task events a key vouches for: none (empty) for a program whose trace is not kept."""
    if program not in TRACED:
        return b""
    return _read(transcript_file(folder, version, trace_name, program))


def is_fresh(recorder, folder, version=BASE, program="main.py"):
    """True when `version`'s transcript of `program` was recorded from today's program and
    recorder, unedited."""
    source = _read(os.path.join(folder, program))
    out = _read(transcript_file(folder, version, out_name, program))
    trace = kept_trace(folder, version, program)
    key = _read(os.path.join(folder, key_name(version, program)))
    if source is None or out is None or trace is None or key is None:
        return False
    return key.decode("ascii", "replace") == key_line(recorder, source, out, trace)


def write_key(recorder, folder, transcript_bytes, trace_bytes, version=BASE, program="main.py"):
    source = _read(os.path.join(folder, program)) or b""
    with open(os.path.join(folder, key_name(version, program)), "w", encoding="ascii") as f:
        f.write(key_line(recorder, source, transcript_bytes, trace_bytes))
