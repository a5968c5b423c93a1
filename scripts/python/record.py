#!/usr/bin/env python3
"""Records one example: python3 scripts/python/record.py path/to/main.py > python.out

Runs main.py, unmodified, in this process under a virtual-clock event loop and
prints its stamped transcript (docs/TEAM.md). Exit status 0 whenever the program
ran, including when it raised (that is recorded as an EXC line); 2 for misuse.
"""

import sys

if sys.version_info < (3, 11):
    sys.stderr.write("record.py: needs Python >= 3.11, this is %d.%d\n" % sys.version_info[:2])
    sys.exit(2)

import os

# Everything that could make two runs differ is fixed before the interpreter starts.
FIXED_ENV = {"PYTHONHASHSEED": "0", "TZ": "UTC", "PYTHONUTF8": "1", "PYTHONDONTWRITEBYTECODE": "1"}
UNSET_ENV = ("PYTHONASYNCIODEBUG", "PYTHONDEVMODE", "PYTHONSTARTUP", "PYTHONBREAKPOINT")

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write("usage: record.py path/to/main.py\n")
        sys.exit(2)
    if any(os.environ.get(k) != v for k, v in FIXED_ENV.items()) or any(
        k in os.environ for k in UNSET_ENV
    ):
        env = {k: v for k, v in os.environ.items() if k not in UNSET_ENV}
        env.update(FIXED_ENV)
        os.execve(sys.executable, [sys.executable, os.path.abspath(__file__), sys.argv[1]], env)

    here = os.path.dirname(os.path.abspath(__file__))
    from _asyncio_live_recorder import harness

    # The example must not see this folder on sys.path (its imports stay its own).
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]
    sys.exit(harness.main(sys.argv[1]))
