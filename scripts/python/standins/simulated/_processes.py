"""Simulated child processes under `loop.subprocess_exec`, so `asyncio.create_subprocess_exec`
(CPython's own `Process`, `SubprocessStreamProtocol` and `BaseSubprocessTransport`) runs a few
deterministic commands on the virtual clock. The TypeScript runtime's
`src/runtime/asyncio/simulated-process.ts` follows it step for step; the rules are in
SERVICES.md, "Subprocesses".

A real process takes real time to start and its output arrives when the machine lets it, so a
recording would neither be exact nor the same twice. Here a child is a generator of actions
(read stdin, write to a pipe, sleep, exit), driven by loop timers; its pipes hold 64 KiB, as
Linux's do (`_pipes.py`, with the parent's pipe transports).
"""

import signal
import subprocess
import weakref
from asyncio import base_subprocess

from . import _commands
from ._pipes import PIPE_CAPACITY, Pipe

FIRST_PID = 4001
_next_pid = weakref.WeakKeyDictionary()  # loop -> the next pid it hands out


class Child:
    """The simulated process: runs its command's generator, delivers signals, exits."""

    def __init__(self, loop, args, stdin, stdout, stderr, on_exit):
        self.loop = loop
        self.args = args
        self.stdin = stdin
        self.out = {1: stdout, 2: stdout if stderr == "stdout" else stderr}
        self.on_exit = on_exit
        self.returncode = None
        self.timer = None
        self.ignoring = set()
        self.program = _commands.COMMANDS[args[0]](args[1:], self)

    def start(self):
        # A real child takes a moment to start: it runs once the parent holds its Process.
        self.loop.call_soon(self.step)

    def step(self, value=None):
        self.timer = None
        if self.returncode is not None:
            return
        try:
            action = self.program.send(value)
        except StopIteration as done:
            self.exit(done.value or 0)
            return
        kind = action[0]
        if kind == "sleep":
            self.timer = self.loop.call_later(action[1], self.step)
        elif kind == "write":
            self.write(action[1], action[2])
        elif kind == "ignore":
            self.ignoring.add(action[1])
            self.loop.call_soon(self.step)
        elif kind == "read":
            self.read()

    def read(self):
        """Everything in stdin's pipe, or b"" at its end (stdin not piped reads as empty)."""
        pipe = self.stdin
        if pipe is None or pipe.data or pipe.write_closed:
            data = pipe.read(PIPE_CAPACITY) if pipe is not None else b""
            self.loop.call_soon(self.step, data)
        else:
            # Woken by the parent's write, the child reads on a later pass, not inside it.
            pipe.on_data = lambda: self.loop.call_soon(self.read)

    def write(self, fd, text):
        target = self.out[fd]
        data = text.encode() if isinstance(text, str) else bytes(text)
        if target is None:
            # Not a pipe: the parent's terminal. Stdout lands in the transcript (no task prints it).
            if fd == 1:
                print(data.decode(errors="replace"), end="")
            self.loop.call_soon(self.step)
            return
        if target == "devnull":
            self.loop.call_soon(self.step)
            return
        if target.read_closed:
            self.die(signal.SIGPIPE)
            return
        if target.write(data, self.step_soon):
            self.loop.call_soon(self.step)

    def step_soon(self):
        self.loop.call_soon(self.step)

    def signal(self, signum):
        if self.returncode is not None:
            return
        handler = _commands.HANDLERS.get((self.args[0], signum))
        if signum in self.ignoring:
            if handler is not None:
                handler(self)
            return
        self.die(signum)

    def die(self, signum):
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        self.program.close()
        self.exit(-int(signum))

    def exit(self, code):
        self.returncode = code
        if self.stdin is not None:
            self.stdin.close_read()
        for pipe in dict.fromkeys(p for p in (self.out[1], self.out[2]) if isinstance(p, Pipe)):
            pipe.close_write()  # stdout's end first, so both sides see the same order
        # The child watcher hears of it, then hands it to the loop (call_soon_threadsafe + call_soon).
        self.loop.call_soon(self.loop.call_soon, self.on_exit, code)


class SimulatedPopen:
    """What `BaseSubprocessTransport` keeps as `_proc`: a `subprocess.Popen` of a simulated child."""

    def __init__(self, loop, args, stdin, stdout, stderr, on_exit):
        for arg in args:
            if not isinstance(arg, (str, bytes)):
                raise TypeError(f"expected str, bytes or os.PathLike object, not {type(arg).__name__}")
        args = [a.decode() if isinstance(a, bytes) else a for a in args]
        if args[0] not in _commands.COMMANDS:
            raise FileNotFoundError(2, "No such file or directory", args[0])
        self.args = args
        self.stdin = Pipe() if stdin == subprocess.PIPE else None
        self.stdout = Pipe() if stdout == subprocess.PIPE else None
        self.stderr = Pipe() if stderr == subprocess.PIPE else None
        stdout_end = self.stdout if stdout == subprocess.PIPE else _elsewhere(stdout)
        if stderr == subprocess.STDOUT:
            stderr_end = "stdout"
        else:
            stderr_end = self.stderr if stderr == subprocess.PIPE else _elsewhere(stderr)
        self.pid = _next_pid.get(loop, FIRST_PID)
        _next_pid[loop] = self.pid + 1
        self.returncode = None
        self.child = Child(loop, args, self.stdin, stdout_end, stderr_end, on_exit)

    def poll(self):
        return self.returncode

    def send_signal(self, sig):
        if self.returncode is None:
            self.child.signal(sig)

    def terminate(self):
        self.send_signal(signal.SIGTERM)

    def kill(self):
        self.send_signal(signal.SIGKILL)


def _elsewhere(where):
    return "devnull" if where == subprocess.DEVNULL else None


class SimulatedSubprocessTransport(base_subprocess.BaseSubprocessTransport):
    def _start(self, args, shell, stdin, stdout, stderr, bufsize, **kwargs):
        if shell:
            raise ValueError("the simulated world runs no shell: use create_subprocess_exec")
        self._proc = SimulatedPopen(self._loop, list(args), stdin, stdout, stderr, self._exited)

    def _exited(self, code):
        self._process_exited(code)

    # 3.12+ signals the pid with os.kill; here the pid is simulated (3.11's way, the same outcome).
    def send_signal(self, signal):
        self._check_proc()
        self._proc.send_signal(signal)

    def terminate(self):
        self._check_proc()
        self._proc.terminate()

    def kill(self):
        self._check_proc()
        self._proc.kill()


async def make_subprocess_transport(loop, protocol, args, shell, stdin, stdout, stderr, bufsize, extra=None, **kwargs):
    """`_UnixSelectorEventLoop._make_subprocess_transport`, without a child watcher."""
    waiter = loop.create_future()
    transp = SimulatedSubprocessTransport(
        loop, protocol, args, shell, stdin, stdout, stderr, bufsize, waiter=waiter, extra=extra, **kwargs
    )
    try:
        await waiter
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException:
        transp.close()
        await transp._wait()
        raise
    transp._proc.child.start()
    return transp
