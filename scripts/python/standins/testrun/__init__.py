"""The site's tiny test runner: runs test functions and unittest test cases, one line per
test and pytest's summary line (``1 failed, 2 passed in 30.00s``), all on stdout.

Not a real package: the site's stand-in for ``pytest -q -rA``, so an example can run its
tests and show the outcome in its recording. The tests themselves are real: plain or
``async def`` functions (each coroutine function runs on a fresh event loop, as
pytest-asyncio does by default), and ``unittest.TestCase`` / ``IsolatedAsyncioTestCase``
classes, run by ``unittest`` itself (methods in name order, as its loader sorts them). At
home, run the same tests with ``python -m unittest`` or ``pytest``.

The TypeScript sandbox's ``testrun`` module (src/sandbox/services/testrun.ts) prints the same.
"""

import asyncio
import inspect
import time
import unittest

__all__ = ["run"]


class _Outcome(unittest.TestResult):
    """Keeps the first exception of a test case, not its formatted traceback."""

    def __init__(self):
        super().__init__()
        self.error = None

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.error = self.error or err[1]

    def addError(self, test, err):
        super().addError(test, err)
        self.error = self.error or err[1]


def _describe(exc):
    text = str(exc)
    first = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return first.rstrip("\n").replace("\n", "\n    ")


def _run_function(test):
    try:
        if inspect.iscoroutinefunction(test):
            asyncio.run(test())
        else:
            test()
    except Exception as exc:
        return "FAILED", _describe(exc)
    return "PASSED", None


def _run_case(case):
    outcome = _Outcome()
    case.run(outcome)
    if outcome.error is not None:
        return "FAILED", _describe(outcome.error)
    return "PASSED", None


def _tests(items):
    for item in items:
        if isinstance(item, type) and issubclass(item, unittest.TestCase):
            for case in unittest.defaultTestLoader.loadTestsFromTestCase(item):
                yield f"{item.__name__}::{case._testMethodName}", lambda case=case: _run_case(case)
        else:
            yield item.__name__, lambda item=item: _run_function(item)


def _duration(seconds):
    text = f"{seconds:.2f}s"
    if seconds >= 60:
        whole = int(seconds)
        text += f" ({whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d})"
    return text


def run(*tests):
    """Run each test (a function, or a TestCase class), print ``PASSED name`` or
    ``FAILED name - Error: message`` for each, then the summary line. Returns True when
    none failed."""
    start = time.perf_counter()
    counts = {"failed": 0, "passed": 0}
    for name, run_one in _tests(tests):
        status, detail = run_one()
        counts[status.lower()] += 1
        print(f"{status} {name}" + (f" - {detail}" if detail else ""))
    parts = [f"{n} {kind}" for kind, n in counts.items() if n]
    summary = ", ".join(parts) if parts else "no tests ran"
    print(f"{summary} in {_duration(time.perf_counter() - start)}")
    return counts["failed"] == 0
