"""Run a Python asyncio program on a virtual clock and print its transcript (docs/TEAM.md format).

Usage: python3 vloop.py program.py   (or the program on stdin with "-")

The loop is CPython's own SelectorEventLoop; only time() is a counter, and select(timeout) returns
at once after moving the counter by `timeout` when nothing is ready (so timers fire in CPython's
own order). Printed lines are stamped with loop time and asyncio.current_task() at their first
character; the loop's exception handler prints LOOP-ERROR lines; an exception escaping the program
prints EXC lines.
"""
import asyncio
import builtins
import runpy
import selectors
import sys

_loop_ref = [None]
_out = sys.stdout


def _fmt_exc(e):
    msg = str(e)
    return type(e).__name__ + (": " + msg if msg else "")


def _exc_lines(e, depth=0):
    lines = ["  " * depth + _fmt_exc(e)]
    if isinstance(e, BaseExceptionGroup):
        for sub in e.exceptions:
            lines.extend(_exc_lines(sub, depth + 1))
    return lines


def _now():
    loop = _loop_ref[0]
    return loop.time() if loop is not None else 0.0


class _VirtualSelector:
    def __init__(self, loop, real):
        self._loop = loop
        self._real = real

    def select(self, timeout=None):
        events = self._real.select(0)
        if events or timeout == 0:
            return events
        if timeout is None:
            return self._real.select(None)
        self._loop._vt += timeout
        return []

    def __getattr__(self, name):
        return getattr(self._real, name)


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__()
        self._vt = 0.0
        self._selector = _VirtualSelector(self, self._selector)
        _loop_ref[0] = self
        self.set_exception_handler(_handler)

    def time(self):
        return self._vt


def _handler(loop, context):
    exc = context.get("exception")
    text = _fmt_exc(exc) if exc is not None else context.get("message", "")
    _out.write(f"[t={_now():.3f}] LOOP-ERROR {text}\n")


class _Writer:
    pending = None  # (stamp, text)

    @classmethod
    def line_break_if_needed(cls):
        if cls.pending is not None:
            _out.write(cls.pending[0] + cls.pending[1] + "\n")
            cls.pending = None

    def write(self, s):
        for i, part in enumerate(s.split("\n")):
            if i > 0:
                stamp, text = _Writer.pending if _Writer.pending else (self._stamp(), "")
                _out.write(stamp + text + "\n")
                _Writer.pending = None
            if part:
                if _Writer.pending is None:
                    _Writer.pending = (self._stamp(), "")
                _Writer.pending = (_Writer.pending[0], _Writer.pending[1] + part)
        return len(s)

    def _stamp(self):
        task = None
        try:
            task = asyncio.current_task()
        except RuntimeError:
            pass
        name = f" {task.get_name()}" if task is not None else ""
        return f"[t={_now():.3f}{name}] "

    def flush(self):
        pass


class _Policy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return VirtualLoop()


def main():
    asyncio.set_event_loop_policy(_Policy())
    path = sys.argv[1]
    sys.stdout = _Writer()
    try:
        if path == "-":
            src = sys.stdin.read()
            exec(compile(src, "main.py", "exec"), {"__name__": "__main__"})
        else:
            runpy.run_path(path, run_name="__main__")
    except BaseException as e:  # noqa: BLE001 - report whatever escaped, as the transcript does
        _Writer.line_break_if_needed()
        for line in _exc_lines(e):
            _out.write(f"[t={_now():.3f}] EXC {line}\n")
    finally:
        _Writer.line_break_if_needed()
        sys.stdout = _out


main()
