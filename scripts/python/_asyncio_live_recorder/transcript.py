"""The stamped stdout (docs/TEAM.md, "Transcript format").

Every line gets `[t=1.000 Task-2] ` (virtual time and current task's name, taken
when the line's first character is written) or `[t=1.000] ` outside any task
(another thread, a plain callback, before or after the loop). Text is kept per
thread until its newline, so two threads never mix within a line.
"""

import asyncio
import io
import os
import sys
import threading

from . import clock

_out = None  # the StampedStdout, once installed
MAX_LINES = 10_000  # a runaway loop on a clock that never waits would print without end


def stamp(with_task=True):
    name = _current_task_name() if with_task else None
    t = f"{clock.now():.3f}"
    return f"[t={t} {name}] " if name else f"[t={t}] "


def _current_task_name():
    try:
        loop = asyncio.events._get_running_loop()
        if loop is None:
            return None
        task = asyncio.current_task(loop)
        return task.get_name() if task is not None else None
    except Exception:  # noqa: BLE001 - e.g. modules half torn down at exit
        return None


def describe(exc):
    """`Type: message`, or just `Type` when the message is empty."""
    try:
        message = str(exc)
    except Exception:  # noqa: BLE001
        message = "<unprintable>"
    name = type(exc).__name__
    return f"{name}: {message}" if message else name


def exception_lines(exc, depth=0):
    """`EXC Type: message`, then each sub-exception of a group, two spaces deeper per level."""
    lines = ["EXC " + "  " * depth + describe(exc)]
    if isinstance(exc, BaseExceptionGroup):
        for sub in exc.exceptions:
            lines.extend(exception_lines(sub, depth + 1))
    return lines


def event_line(text):
    """A whole line stamped with the time only (EXC and LOOP-ERROR lines)."""
    if _out is not None:
        _out.emit(stamp(with_task=False), text)


def untasked_line(text):
    """A whole printed line stamped with the time only: a log line, written between two steps."""
    if _out is not None:
        _out.emit(stamp(with_task=False), text)


class StampedStdout(io.TextIOBase):
    def __init__(self, binary):
        self._binary = binary
        self._lock = threading.RLock()
        self._pending = {}  # thread id -> (stamp, [text pieces]) of an unfinished line
        self._lines = 0

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return "strict"

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        with self._lock:
            key = threading.get_ident()
            line = self._pending.pop(key, None)
            pos = 0
            while pos < len(s):
                if line is None:
                    line = (stamp(), [])
                end = s.find("\n", pos)
                if end < 0:
                    line[1].append(s[pos:])
                    break
                line[1].append(s[pos:end])
                self.emit(line[0], "".join(line[1]))
                line = None
                pos = end + 1
            if line is not None:
                self._pending[key] = line
        return len(s)

    def emit(self, prefix, text):
        with self._lock:
            self._lines += 1
            if self._lines > MAX_LINES:
                sys.stderr.write(f"record.py: more than {MAX_LINES} lines of output, stopped\n")
                sys.stderr.flush()
                os._exit(3)
            data = (prefix + text + "\n").encode("utf-8", "backslashreplace")
            self._binary.write(data)
            self._binary.flush()

    def finish_lines(self):
        """Ends unfinished lines (every transcript line ends with a newline)."""
        with self._lock:
            pending, self._pending = self._pending, {}
            for prefix, pieces in pending.values():
                self.emit(prefix, "".join(pieces))

    def flush(self):
        pass


def install(binary):
    global _out
    _out = StampedStdout(binary)
    return _out
