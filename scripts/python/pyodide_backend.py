"""Recording on Pyodide: the versions no machine here has as CPython (3.14), recorded by
Pyodide's CPython under node (on_pyodide/record_pyodide.ts), booted once per run.

A Pyodide version is found from the npm package in node_modules (no node started, so a
check whose keys all match costs nothing): its `sys.version` for the key is Pyodide's Python
and Pyodide's own version, e.g. "3.14.2 (Pyodide 314.0.8)". Programs Pyodide cannot run would
be listed once, with the reason, in on_pyodide/not_recorded.json (empty: threads, process
pools and signals are stood in for in on_pyodide/); the site offers no such version for them
and says why.
"""

import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PACKAGE = os.path.join(ROOT, "node_modules", "pyodide")
BACKEND = os.path.join(HERE, "on_pyodide", "record_pyodide.ts")
NOT_RECORDED = os.path.join(HERE, "on_pyodide", "not_recorded.json")
BOOT_SECONDS = 180.0  # allowance for booting Pyodide (and compiling its wasm) on a busy machine


def not_recorded():
    """{program folder's name: why Pyodide cannot run it}."""
    with open(NOT_RECORDED, encoding="utf-8") as f:
        return {k: v for k, v in json.load(f).items() if not k.startswith("//")}


def _node():
    """The node that runs the project's .ts scripts; not started here, so a check whose keys
    all match starts no node at all."""
    return os.environ.get("NODE") or shutil.which("node")


def find(version):
    """(node, "3.14.2 (Pyodide 314.0.8)") when node_modules has a Pyodide of `version`, else None."""
    try:
        with open(os.path.join(PACKAGE, "pyodide-lock.json"), encoding="utf-8") as f:
            python = json.load(f)["info"]["python"]
        with open(os.path.join(PACKAGE, "package.json"), encoding="utf-8") as f:
            pyodide = json.load(f)["version"]
    except (OSError, ValueError, KeyError):
        return None
    if python.rsplit(".", 1)[0] != version:
        return None
    node = _node()
    return (node, f"{python} (Pyodide {pyodide})") if node else None


class Recorder:
    """One node process running record_pyodide.ts; started on the first program, and again
    after one that stalled (it is killed: a Pyodide that blocks cannot be interrupted)."""

    def __init__(self, node, timeout):
        self.node, self.timeout = node, timeout
        self.process = None
        self.replies = None
        self.log = None

    def _start(self):
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [self.node, BACKEND],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log,
            cwd=ROOT,
            text=True,
            encoding="utf-8",
        )
        self.replies = queue.Queue()
        threading.Thread(target=self._read, args=(self.process.stdout, self.replies), daemon=True).start()
        return BOOT_SECONDS

    @staticmethod
    def _read(stream, replies):
        for line in stream:
            replies.put(line)
        replies.put(None)

    def _stop(self):
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.log.seek(0)
            said = self.log.read().decode("utf-8", "replace")
            self.log.close()
            self.process = None
            return said
        return ""

    def record(self, main_py):
        """((transcript, trace) bytes or None, error text or None, stderr text), as record_all.record."""
        allowance = self._start() if self.process is None else 0.0
        self.process.stdin.write(json.dumps({"path": main_py}) + "\n")
        self.process.stdin.flush()
        try:
            line = self.replies.get(timeout=allowance + self.timeout)
        except queue.Empty:
            said = self._stop()
            return None, f"no result after {self.timeout:g} s on Pyodide (stalled? see {NOT_RECORDED})", said
        if line is None:
            return None, "the Pyodide recorder (node) ended", self._stop()
        reply = json.loads(line)
        if reply["status"] != 0:
            return None, f"recorder failed on Pyodide (exit {reply['status']})", reply["stderr"]
        return (reply["stdout"].encode("utf-8"), reply["trace"].encode("utf-8")), None, reply["stderr"]

    def close(self):
        if self.process is not None:
            self.process.stdin.close()
            self.process.wait()
            self.log.close()
            self.process = None
