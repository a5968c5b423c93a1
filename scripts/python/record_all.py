#!/usr/bin/env python3
"""Records (or checks) every example's transcripts on every offered Python; the body of
scripts/record-python.

usage: record-python [--check] [--changed] [--root DIR] [--python 3.X] [--timeout S] [-j N] [-v] [ID ...]

Each example's main.py runs in a fresh process under record.py (the virtual-clock
harness), once per offered CPython version found here (python_versions.py); a version
not installed is skipped with a note, not failed. Without --check, python.out (3.11)
and python-3.X.out (only where 3.X prints something else) are written where they
changed, each version with its key (recording_key.py). With --check, nothing is
written and the exit status is 1 if any transcript is missing, stale or redundant
(each shown with a short unified diff). With --changed, what a key still vouches for
(same main.py, recorder and Python, transcript unedited) is not recorded again.
An exercise's solution.py is recorded too, as solution.out (python_versions.PROGRAMS), so the
check of its TypeScript twin reads CPython's output instead of running it each time.
"""

import argparse
import concurrent.futures
import difflib
import os
import subprocess
import sys
import tempfile

from record import FIXED_ENV, UNSET_ENV
import pyodide_backend
from python_versions import (
    BASE,
    ON_PYODIDE,
    OFFERED,
    PROGRAMS,
    TRACED,
    env_name,
    find_interpreter,
    key_name,
    out_name,
    trace_name,
)
from recording_key import is_fresh, kept_trace, recorder_digest, transcript_file, write_key

# Where the harness writes a recording's task events (task_trace.py).
TRACE_ENV = "ASYNCIO_LIVE_TRACE"
# The environment record.py would re-exec itself into: given up front, one interpreter start.
RECORD_ENV = {k: v for k, v in os.environ.items() if k not in UNSET_ENV} | FIXED_ENV

HERE = os.path.dirname(os.path.abspath(__file__))
RECORD = os.path.join(HERE, "record.py")
CONTENT = os.path.join(os.path.dirname(os.path.dirname(HERE)), "content")
# Examples, and exercises' starting programs (main.py) and solutions (solution.py).
DEFAULT_ROOTS = (os.path.join(CONTENT, "examples"), os.path.join(CONTENT, "exercises"))
MAX_DIFF_LINES = 40


def parse_args(argv):
    p = argparse.ArgumentParser(prog="record-python", description=__doc__.split("\n\n")[0])
    p.add_argument("--check", action="store_true", help="write nothing; fail if any python.out is stale")
    p.add_argument(
        "--changed",
        action="store_true",
        help="skip examples whose python.out.sha256 key still matches (see recording_key.py)",
    )
    p.add_argument(
        "--root",
        action="append",
        help="examples folder, may repeat (default: content/examples and content/exercises)",
    )
    p.add_argument(
        "--python",
        action="append",
        choices=OFFERED,
        help=f"record only on this version, may repeat (default: every one of {', '.join(OFFERED)} found here)",
    )
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


def programs(folder):
    """The programs of a folder that are recorded: main.py (its absence is a problem), and
    solution.py where there is one."""
    return [p for p in PROGRAMS if p == "main.py" or os.path.isfile(os.path.join(folder, p))]


def record(folder, executable, timeout, program="main.py"):
    """((transcript, trace) bytes or None, error text or None, stderr text) for one program on
    one Python."""
    main_py = os.path.join(folder, program)
    if not os.path.isfile(main_py):
        return None, f"no {program}", ""
    with tempfile.TemporaryDirectory(prefix="record-python-") as scratch:
        trace_path = os.path.join(scratch, "trace.json")
        try:
            done = subprocess.run(
                [executable, RECORD, main_py],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                env=RECORD_ENV | {TRACE_ENV: trace_path},
                timeout=timeout,
            )
        except subprocess.TimeoutExpired as exc:
            stderr = (exc.stderr or b"").decode("utf-8", "replace")
            return None, f"no result after {timeout:g} s (stalled? see scripts/python/_asyncio_live_recorder/jobs.py)", stderr
        stderr = done.stderr.decode("utf-8", "replace")
        if done.returncode != 0:
            return None, f"recorder failed (exit {done.returncode})", stderr
        trace = _read(trace_path)
        if trace is None:
            return None, "recorder wrote no trace", stderr
        return (done.stdout, trace), None, stderr


def short_diff(name, old, new):
    lines = list(
        difflib.unified_diff(
            old.decode("utf-8", "replace").splitlines(keepends=True),
            new.decode("utf-8", "replace").splitlines(keepends=True),
            fromfile=name,
            tofile=f"{name} (fresh recording)",
        )
    )
    if len(lines) > MAX_DIFF_LINES:
        lines = lines[:MAX_DIFF_LINES] + [f"... ({len(lines) - MAX_DIFF_LINES} more diff lines)\n"]
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def interpreters(versions):
    """{version: (path, sys.version)} for the versions found; says which are skipped and why."""
    found = {}
    for version in versions:
        interpreter = find_interpreter(version)
        if interpreter is None and version in ON_PYODIDE:
            print(
                f"record-python: skipped Python {version}: it is recorded on Pyodide, which needs node"
                f" and node_modules/pyodide of Python {version} (npm install)",
                file=sys.stderr,
            )
        elif interpreter is None:
            print(
                f"record-python: skipped Python {version}: not installed here (no python{version};"
                f" set {env_name(version)} to one), its recordings are neither made nor checked",
                file=sys.stderr,
            )
        else:
            found[version] = interpreter
    return found


def _read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def settle(args, folder, name, version, fresh, base, file_name=out_name, program="main.py"):
    """Checks or writes one fresh transcript (or with `trace_name`, its trace); returns a
    problem or None.

    `base` is 3.11's (fresh, else python.out as it is): another version has its own file only
    where it differs from it.
    """
    own = os.path.join(folder, file_name(version, program))
    old = _read(own)
    label = f"{name}/{file_name(version, program)}"
    needs_own = version == BASE or fresh != base
    if args.check:
        if not needs_own:
            return f"{label} is redundant: the same as Python {BASE}'s" if old is not None else None
        if old is None:
            return f"{label} is missing"
        if old != fresh:
            return f"{label} is stale\n{short_diff(label, old, fresh)}"
        return None
    if not needs_own:
        if old is not None:
            os.remove(own)
            print(f"removed   {label} (Python {version}'s is the same as {BASE}'s)")
        return None
    if old != fresh:
        with open(own, "wb") as f:
            f.write(fresh)
        print(f"recorded  {label}")
    return None


def main(argv):
    args = parse_args(argv)
    pythons = interpreters(args.python or OFFERED)
    if not pythons:
        print("record-python: no offered Python here (needs one of " + ", ".join(OFFERED) + ")", file=sys.stderr)
        return 2
    roots = [os.path.abspath(r) for r in (args.root or DEFAULT_ROOTS)]
    folders = {}  # name shown -> folder
    for root in roots:
        wanted = args.ids if args.root else [i for i in args.ids if _in(root, i)]
        if args.ids and not wanted:
            continue
        for ident in example_ids(root, wanted):
            folders[ident if len(roots) == 1 else f"{os.path.basename(root)}/{ident}"] = os.path.join(root, ident)
    if args.ids and not args.root:
        missing = [i for i in args.ids if not any(_in(r, i) for r in roots)]
        if missing:
            raise SystemExit(f"record-python: no such example: {', '.join(missing)}")
    recorders = {v: recorder_digest(version, v in ON_PYODIDE) for v, (_, version) in pythons.items()}
    # One job per program and version: (name, program, version).
    jobs = [(name, p, v) for name in folders for p in programs(folders[name]) for v in pythons]
    # What Pyodide cannot run is not recorded there (and must have no key, or the site offers it).
    unrunnable = pyodide_backend.not_recorded() if set(pythons) & set(ON_PYODIDE) else {}
    problems = []
    for job in [j for j in jobs if j[2] in ON_PYODIDE and listed_name(folders[j[0]], j[1]) in unrunnable]:
        jobs.remove(job)
        problems.extend(drop_unrecorded(args, folders[job[0]], *job))
    if args.changed:
        stale = [(n, p, v) for n, p, v in jobs if not is_fresh(recorders[v], folders[n], v, p)]
        # A new python.out may change which versions print the same: record them all again.
        rebased = {(n, p) for n, p, v in stale if v == BASE}
        stale = [(n, p, v) for n, p, v in jobs if (n, p, v) in stale or (n, p) in rebased]
        print(
            f"record-python: {len(jobs) - len(stale)} transcript(s) still match their key"
            f" ({', '.join(pythons)}); recording {len(stale)}"
        )
        jobs = stale
    results = record_jobs(args, jobs, folders, pythons)
    outcome = {}
    for (name, program, version), (fresh, error, stderr) in zip(jobs, results):
        shown = name if program == "main.py" else f"{name}/{program}"
        if stderr and (args.verbose or error):
            sys.stderr.write("".join(f"  {shown} ({version}): {line}\n" for line in stderr.splitlines()))
        if error:
            problems.append(f"{shown} (Python {version}): {error}")
        else:
            # A program whose task events are not kept is keyed with none (recording_key.py).
            outcome[name, program, version] = fresh if program in TRACED else (fresh[0], b"")
    # 3.11 first: the others are written as differences from it.
    for (name, program, version), fresh in sorted(outcome.items(), key=lambda kv: kv[0][2] != BASE):
        folder = folders[name]
        base = outcome.get((name, program, BASE)) or (
            _read(transcript_file(folder, BASE, out_name, program)) or b"",
            kept_trace(folder, BASE, program) or b"",
        )
        kinds = (out_name, trace_name) if program in TRACED else (out_name,)
        found = [
            settle(args, folder, name, version, fresh[i], base[i], kind, program)
            for i, kind in enumerate(kinds)
        ]
        problems.extend(p for p in found if p)
        if not any(found) and not args.check:
            write_key(recorders[version], folder, fresh[0], fresh[1], version, program)

    for problem in problems:
        print(problem.rstrip("\n"), file=sys.stderr)
    if problems:
        what = "stale, missing or redundant" if args.check else "failed"
        print(f"record-python: {len(problems)} of {len(jobs)} recording(s) {what}", file=sys.stderr)
        return 1
    if args.check:
        print(f"record-python: {len(jobs)} fresh recording(s) match their transcript ({', '.join(pythons)})")
    return 0


def record_jobs(args, jobs, folders, pythons):
    """Each job's record() result, in order: CPython's in a pool of processes, Pyodide's one
    after another in one node process beside them (booted only when there is one)."""
    on_pyodide = [i for i, (_, _, v) in enumerate(jobs) if v in ON_PYODIDE]
    results = [None] * len(jobs)

    def pyodide_jobs():
        recorders = {}
        try:
            for i in on_pyodide:
                name, program, v = jobs[i]
                if v not in recorders:
                    recorders[v] = pyodide_backend.Recorder(pythons[v][0], args.timeout)
                source = os.path.join(folders[name], program)
                if not os.path.isfile(source):
                    results[i] = (None, f"no {program}", "")
                else:
                    results[i] = recorders[v].record(source)
        finally:
            for recorder in recorders.values():
                recorder.close()

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        beside = pool.submit(pyodide_jobs) if on_pyodide else None
        cpython = [i for i in range(len(jobs)) if i not in set(on_pyodide)]
        found = pool.map(
            lambda i: record(folders[jobs[i][0]], pythons[jobs[i][2]][0], args.timeout, jobs[i][1]), cpython
        )
        for i, result in zip(cpython, found):
            results[i] = result
        if beside is not None:
            beside.result()
    return results


def listed_name(folder, program):
    """How not_recorded.json names a program: the folder's name for main.py, else `<id>/solution.py`."""
    ident = os.path.basename(folder)
    return ident if program == "main.py" else f"{ident}/{program}"


def drop_unrecorded(args, folder, name, program, version):
    """A program Pyodide cannot run has no recording of `version`: problems, or files removed."""
    problems = []
    for path in (os.path.join(folder, name_of(version, program)) for name_of in (key_name, out_name, trace_name)):
        if os.path.exists(path):
            label = f"{name}/{os.path.basename(path)}"
            if args.check:
                problems.append(f"{label} should not exist: {name} is not recorded on Pyodide (not_recorded.json)")
            else:
                os.remove(path)
                print(f"removed   {label} (not recorded on Pyodide)")
    return problems


def _in(root, ident):
    return os.path.isdir(os.path.join(root, os.path.basename(os.path.normpath(ident))))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
