"""The key of a recording: what a python.out depends on, hashed.

A python.out is a pure function of its main.py, the recorder (this folder's harness and
stand-ins) and the Python that ran it: the recorder fixes everything else (clock, hash seed,
random seed, cpu count). `python.out.sha256`, written beside each python.out, holds the key of
the inputs it was recorded from and the hash of the transcript written. When both still match,
a fresh recording would print the same bytes, so `record-python --changed` skips it; when the
recorder or the Python version changes, every key changes and everything is recorded again.
"""

import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KEY_FILE = "python.out.sha256"
# The recorder's own sources: whatever they print is part of every transcript.
RECORDER_PARTS = ("record.py", "_asyncio_live_recorder", "standins")


def _recorder_files():
    for part in RECORDER_PARTS:
        path = os.path.join(HERE, part)
        if os.path.isfile(path):
            yield path
            continue
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            yield from (os.path.join(folder, f) for f in sorted(files) if f.endswith(".py"))


def recorder_digest():
    """Hash of the recorder's sources and of the running Python's exact version."""
    h = hashlib.sha256(f"python {sys.version}\n".encode())
    for path in _recorder_files():
        h.update(os.path.relpath(path, HERE).encode() + b"\0")
        with open(path, "rb") as f:
            h.update(f.read() + b"\0")
    return h.hexdigest()


def key_line(recorder, main_py_bytes, transcript_bytes):
    """The key file's one line: inputs' hash, then the transcript's hash."""
    inputs = hashlib.sha256(recorder.encode() + b"\0" + main_py_bytes).hexdigest()
    return f"{inputs} {hashlib.sha256(transcript_bytes).hexdigest()}\n"


def _read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def is_fresh(recorder, folder):
    """True when python.out was recorded from today's main.py and recorder, and is unedited."""
    main_py, out, key = (_read(os.path.join(folder, n)) for n in ("main.py", "python.out", KEY_FILE))
    if main_py is None or out is None or key is None:
        return False
    return key.decode("ascii", "replace") == key_line(recorder, main_py, out)


def write_key(recorder, folder, transcript_bytes):
    main_py = _read(os.path.join(folder, "main.py")) or b""
    with open(os.path.join(folder, KEY_FILE), "w", encoding="ascii") as f:
        f.write(key_line(recorder, main_py, transcript_bytes))
