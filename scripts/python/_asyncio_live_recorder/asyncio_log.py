"""The `asyncio` logger's warnings as transcript lines (docs/TEAM.md, "Transcript format").

Debug mode's "Executing <Task …> took 0.250 seconds" is logged, not printed: at home it goes to
stderr, which is not recorded. It is recorded as what `logging.basicConfig()`'s format shows,
`[t=0.250] WARNING:asyncio:Executing …`, stamped with the loop time and no task (CPython logs it
between two callbacks). What the loop's exception handler logs is already its LOOP-ERROR line,
so it is left out here.

Reprs name files, lines and addresses that differ between machines and versions, so they are
dropped: `coro=<main() running at /home/me/main.py:7>` becomes `coro=<main() running>`,
`cb=[_run_until_complete_cb() at …/base_events.py:180]` becomes `cb=[_run_until_complete_cb()]`,
and debug mode's `created at …` goes.
"""

import logging
import re

from . import transcript

_LOCATION = re.compile(r"(?:, defined| created)? at (?:0x[0-9a-f]+|[^\s<>\[\]]+:\d+)")


def normalise(message):
    """The message without file paths, line numbers or addresses."""
    return _LOCATION.sub("", message)


class _TranscriptHandler(logging.Handler):
    def emit(self, record):
        if record.levelno < logging.WARNING or record.funcName == "default_exception_handler":
            return
        try:
            text = normalise(record.getMessage())
        except Exception:  # noqa: BLE001 - a bad log call must not end the recording
            return
        # A printed line, not an event line: Run Python's driver keeps only EXC and LOOP-ERROR
        # lines of those, and prints what the stamped stdout emits.
        transcript.untasked_line(f"{record.levelname}:{record.name}:{text}")


def install():
    """Once per interpreter: Run Python in the page runs programs one after another in one."""
    logger = logging.getLogger("asyncio")
    if not any(isinstance(h, _TranscriptHandler) for h in logger.handlers):
        logger.addHandler(_TranscriptHandler())
