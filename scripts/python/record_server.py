#!/usr/bin/env python3
"""Records many programs in one interpreter: python3 scripts/python/record_server.py

The unit tests compare dozens of small programs with CPython; starting an interpreter and
importing asyncio for each was most of that cost. This process imports the recorder once, then
for each request forks: the child runs the program exactly as record.py would (same harness,
same fixed environment, a fresh copy of an interpreter that has never run an event loop, so
task numbers start at Task-1) and exits normally, finalisers included; the parent never runs a
program.

Protocol: one JSON object per line on stdin, {"path": "/abs/main.py"}; for each, one JSON line
on stdout, {"status": exit status, "stdout": transcript, "stderr": text}. EOF ends the server.
"""

import json
import os
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
from record import FIXED_ENV, UNSET_ENV  # noqa: E402

if sys.version_info < (3, 11):
    sys.stderr.write("record_server.py: needs Python >= 3.11\n")
    sys.exit(2)
if any(os.environ.get(k) != v for k, v in FIXED_ENV.items()) or any(k in os.environ for k in UNSET_ENV):
    env = {k: v for k, v in os.environ.items() if k not in UNSET_ENV}
    env.update(FIXED_ENV)
    os.execve(sys.executable, [sys.executable, os.path.abspath(__file__)], env)

from _asyncio_live_recorder import harness  # noqa: E402

# The programs must not see this folder on sys.path (their imports stay their own).
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]
reply = os.fdopen(os.dup(1), "w", encoding="utf-8")


def record(path):
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            devnull = os.open(os.devnull, os.O_RDONLY)
            os.dup2(devnull, 0)
            os.dup2(out.fileno(), 1)
            os.dup2(err.fileno(), 2)
            # SystemExit unwinds to the top level: the child ends as `python3 record.py` would.
            sys.exit(harness.main(path))
        _, status = os.waitpid(pid, 0)
        out.seek(0)
        err.seek(0)
        return {
            "status": os.waitstatus_to_exitcode(status),
            "stdout": out.read().decode("utf-8"),
            "stderr": err.read().decode("utf-8", "replace"),
        }


for line in sys.stdin:
    if line.strip():
        reply.write(json.dumps(record(json.loads(line)["path"])) + "\n")
        reply.flush()
