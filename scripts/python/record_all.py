#!/usr/bin/env python3
"""Records (or checks) every example's python.out; the body of scripts/record-python.

usage: record-python [--check] [--changed] [--root DIR] [--timeout S] [-j N] [-v] [ID ...]

Each example's main.py runs in a fresh process under record.py (the virtual-clock
harness). Without --check, python.out is written where it changed, with its key
(recording_key.py). With --check, nothing is written and the exit status is 1 if
any python.out is missing or differs from a fresh recording (each shown with a
short unified diff). With --changed, examples whose key still matches (same
main.py, recorder and Python, python.out unedited) are not recorded again.
"""

import argparse
import concurrent.futures
import difflib
import os
import subprocess
import sys

from record import FIXED_ENV, UNSET_ENV
from recording_key import is_fresh, recorder_digest, write_key

# The environment record.py would re-exec itself into: given up front, one interpreter start.
RECORD_ENV = {k: v for k, v in os.environ.items() if k not in UNSET_ENV} | FIXED_ENV

HERE = os.path.dirname(os.path.abspath(__file__))
RECORD = os.path.join(HERE, "record.py")
DEFAULT_ROOT = os.path.join(os.path.dirname(os.path.dirname(HERE)), "content", "examples")
MAX_DIFF_LINES = 40


def parse_args(argv):
    p = argparse.ArgumentParser(prog="record-python", description=__doc__.split("\n\n")[0])
    p.add_argument("--check", action="store_true", help="write nothing; fail if any python.out is stale")
    p.add_argument(
        "--changed",
        action="store_true",
        help="skip examples whose python.out.sha256 key still matches (see recording_key.py)",
    )
    p.add_argument("--root", default=DEFAULT_ROOT, help="examples folder (default: content/examples)")
    p.add_argument("--timeout", type=float, default=60.0, help="real seconds allowed per example")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2, help="examples at once")
    p.add_argument("-v", "--verbose", action="store_true", help="show each example's stderr")
    p.add_argument("ids", nargs="*", metavar="ID", help="example folders to record (default: all)")
    return p.parse_args(argv)


def example_ids(root, wanted):
    if not os.path.isdir(root):
        raise SystemExit(f"record-python: no examples folder at {root}")
    found = sorted(
        name
        for name in os.listdir(root)
        if os.path.isdir(os.path.join(root, name)) and not name.startswith((".", "_"))
    )
    wanted = [os.path.basename(os.path.normpath(i)) for i in wanted]  # a folder path works too
    unknown = [i for i in wanted if i not in found]
    if unknown:
        raise SystemExit(f"record-python: no such example in {root}: {', '.join(unknown)}")
    return wanted or found


def record(root, ident, timeout):
    """(transcript bytes or None, error text or None, stderr text) for one example."""
    folder = os.path.join(root, ident)
    main_py = os.path.join(folder, "main.py")
    if not os.path.isfile(main_py):
        return None, "no main.py", ""
    try:
        done = subprocess.run(
            [sys.executable, RECORD, main_py],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env=RECORD_ENV,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        stderr = (exc.stderr or b"").decode("utf-8", "replace")
        return None, f"no result after {timeout:g} s (stalled? see scripts/python/_asyncio_live_recorder/jobs.py)", stderr
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode != 0:
        return None, f"recorder failed (exit {done.returncode})", stderr
    return done.stdout, None, stderr


def short_diff(ident, old, new):
    lines = list(
        difflib.unified_diff(
            old.decode("utf-8", "replace").splitlines(keepends=True),
            new.decode("utf-8", "replace").splitlines(keepends=True),
            fromfile=f"{ident}/python.out",
            tofile=f"{ident}/python.out (fresh recording)",
        )
    )
    if len(lines) > MAX_DIFF_LINES:
        lines = lines[:MAX_DIFF_LINES] + [f"... ({len(lines) - MAX_DIFF_LINES} more diff lines)\n"]
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def main(argv):
    args = parse_args(argv)
    if sys.version_info[:2] != (3, 11):
        version = ".".join(map(str, sys.version_info[:3]))
        print(
            f"record-python: note: this is Python {version}; transcripts follow CPython 3.11"
            " (docs/TEAM.md), and newer versions differ in places (3.13 numbers tasks differently)",
            file=sys.stderr,
        )
    root = os.path.abspath(args.root)
    ids = example_ids(root, args.ids)
    recorder = recorder_digest()
    if args.changed:
        fresh_ids = [i for i in ids if is_fresh(recorder, os.path.join(root, i))]
        ids = [i for i in ids if i not in fresh_ids]
        print(f"record-python: {len(fresh_ids)} python.out file(s) still match their key; recording {len(ids)}")
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda i: record(root, i, args.timeout), ids))

    problems = []
    for ident, (fresh, error, stderr) in zip(ids, results):
        if stderr and (args.verbose or error):
            sys.stderr.write("".join(f"  {ident}: {line}\n" for line in stderr.splitlines()))
        if error:
            problems.append(f"{ident}: {error}")
            continue
        path = os.path.join(root, ident, "python.out")
        old = None
        if os.path.isfile(path):
            with open(path, "rb") as f:
                old = f.read()
        if args.check:
            if old is None:
                problems.append(f"{ident}: python.out is missing")
            elif old != fresh:
                problems.append(f"{ident}: python.out is stale\n{short_diff(ident, old, fresh)}")
        else:
            if old != fresh:
                with open(path, "wb") as f:
                    f.write(fresh)
                print(f"recorded  {ident}")
            else:
                print(f"unchanged {ident}")
            write_key(recorder, os.path.join(root, ident), fresh)

    for problem in problems:
        print(problem.rstrip("\n"), file=sys.stderr)
    if problems:
        what = "stale or missing" if args.check else "failed"
        print(f"record-python: {len(problems)} of {len(ids)} example(s) {what}", file=sys.stderr)
        return 1
    if args.check:
        print(f"record-python: {len(ids)} python.out file(s) match a fresh recording")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
