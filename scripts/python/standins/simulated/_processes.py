"""Simulated child processes under `loop.subprocess_exec` and `loop.subprocess_shell`, so
`asyncio.create_subprocess_exec` and `create_subprocess_shell` (CPython's own `Process`,
`SubprocessStreamProtocol` and `BaseSubprocessTransport`) run a few deterministic commands on
the virtual clock. The TypeScript runtime's `src/runtime/asyncio/simulated-process.ts` follows
it step for step; the rules are in SERVICES.md, "Subprocesses".

A real process takes real time to start and its output arrives when the machine lets it, so a
recording would neither be exact nor the same twice. Here a child is a generator of actions
(read stdin, write to a pipe, sleep, start a command and wait for it, exit), driven by loop
timers; its pipes hold 64 KiB, as Linux's do (`_pipes.py`, with the parent's pipe transports).
A shell (`_shell.py`) is such a child whose commands are children of its own, in its process
group, holding its pipes: killing the shell alone leaves them running, as at home.
"""

import errno
import os
import signal
import subprocess
import weakref
from asyncio import base_subprocess, events

from . import _commands
from ._pipes import PIPE_CAPACITY, Pipe

FIRST_PID = 4001


class World:
    """The simulated processes of one loop: the pids it handed out, and those still running
    (a process that exits is reaped at once: by asyncio's child watcher, or by its shell)."""

    def __init__(self):
        self.next_pid = FIRST_PID
        self.known = set()
        self.running = {}  # pid -> Child

    def new_pid(self):
        pid = self.next_pid
        self.next_pid += 1
        self.known.add(pid)
        return pid

    def group(self, pgid):
        return [child for child in self.running.values() if child.pgid == pgid]


_worlds = weakref.WeakKeyDictionary()  # loop -> its World
_last_world = None  # os.killpg may be called when no loop runs


def world_of(loop):
    global _last_world
    world = _worlds.get(loop)
    if world is None:
        world = _worlds[loop] = World()
    _last_world = world
    return world


def _current_world():
    loop = events._get_running_loop()
    return _worlds.get(loop, _last_world) if loop is not None else _last_world


def _no_such_process():
    return ProcessLookupError(errno.ESRCH, os.strerror(errno.ESRCH))


def killpg(pgid, signum):
    """`os.killpg(pgid, sig)` when `pgid` is a pid of the simulated world (True), else False:
    every running process of the group gets the signal at once; none: `ProcessLookupError`."""
    world = _current_world()
    if world is None or pgid not in world.known:
        return False
    members = world.group(pgid)
    if not members:
        raise _no_such_process()
    if signum != 0:
        for child in members:
            child.signal(signum)
    return True


def getpgid(pid):
    """`os.getpgid(pid)` for a pid of the simulated world, else None. A child in no group of
    its own is in its parent's: this program's (`os.getpgrp()`)."""
    world = _current_world()
    if world is None or pid not in world.known:
        return None
    child = world.running.get(pid)
    if child is None:
        raise _no_such_process()
    return child.pgid if child.pgid is not None else os.getpgrp()


class Child:
    """The simulated process: runs its command's generator, delivers signals, exits.

    `stdin` is a Pipe or None (reads as empty); `stdout`/`stderr` a Pipe, None (the terminal),
    "devnull", or (stderr) "stdout". `pgid` is its process group, None for its parent's.
    """

    def __init__(self, loop, args, stdin, stdout, stderr, on_exit, pgid=None, new_group=False):
        self.loop = loop
        self.world = world_of(loop)
        self.args = args
        self.stdin = stdin
        self.out = {1: stdout, 2: stdout if stderr == "stdout" else stderr}
        self.on_exit = on_exit
        self.returncode = None
        self.timer = None
        self.ignoring = set()
        self.commands = {}  # a shell's commands: pid -> exit code, None while they run
        self.waiting_for = None
        self.pid = self.world.new_pid()
        self.pgid = self.pid if new_group else pgid
        self.world.running[self.pid] = self
        if isinstance(stdin, Pipe):
            stdin.child_readers += 1
        for pipe in self._pipes_written():
            pipe.child_writers += 1
        command = _commands.COMMANDS.get(args[0]) or _commands.not_found
        self.program = command(args[1:], self)

    def _pipes_written(self):
        return list(dict.fromkeys(p for p in (self.out[1], self.out[2]) if isinstance(p, Pipe)))

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
        elif kind == "spawn":
            self.spawn(*action[1:])
        elif kind == "waitpid":
            self.waitpid(action[1])

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

    def spawn(self, args, stdin="inherit", stdout="inherit"):
        """A shell starts a command (fork and exec): a child in its group, holding its pipes
        (or those given: a pipeline's, None for a background command's stdin); sends its pid."""
        child = Child(
            self.loop,
            args,
            self.stdin if stdin == "inherit" else stdin,
            self.out[1] if stdout == "inherit" else stdout,
            self.out[2],
            lambda code: self.command_exited(child.pid, code),
            self.pgid,
        )
        self.commands[child.pid] = None
        child.start()
        self.loop.call_soon(self.step, child.pid)

    def waitpid(self, pid):
        """Sends the command's exit code (minus the signal's number) once it has exited."""
        code = self.commands.get(pid)
        if code is not None:
            self.loop.call_soon(self.step, code)
        else:
            self.waiting_for = pid

    def command_exited(self, pid, code):
        self.commands[pid] = code
        if self.waiting_for == pid:
            self.waiting_for = None
            self.step(code)

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
        self.world.running.pop(self.pid, None)
        if isinstance(self.stdin, Pipe):
            self.stdin.drop_child_reader()
        for pipe in self._pipes_written():
            pipe.drop_child_writer()  # stdout's end first, so both sides see the same order
        # The child watcher hears of it, then hands it to the loop (call_soon_threadsafe + call_soon).
        self.loop.call_soon(self.loop.call_soon, self.on_exit, code)


class SimulatedPopen:
    """What `BaseSubprocessTransport` keeps as `_proc`: a `subprocess.Popen` of a simulated child."""

    def __init__(self, loop, args, stdin, stdout, stderr, on_exit, start_new_session=False, process_group=None):
        for arg in args:
            if not isinstance(arg, (str, bytes)):
                raise TypeError(f"expected str, bytes or os.PathLike object, not {type(arg).__name__}")
        args = [a.decode() if isinstance(a, bytes) else a for a in args]
        # The child's setsid() or setpgid() comes before its exec.
        new_group = bool(start_new_session) or process_group == 0
        if not new_group and process_group is not None:
            if not world_of(loop).group(process_group):
                raise PermissionError(errno.EPERM, os.strerror(errno.EPERM))
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
        self.returncode = None
        pgid = None if new_group else process_group
        self.child = Child(loop, args, self.stdin, stdout_end, stderr_end, on_exit, pgid, new_group)
        self.pid = self.child.pid

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
        # As subprocess.Popen(shell=True) does: the string goes to `/bin/sh -c`.
        args = ["/bin/sh", "-c", args] if shell else list(args)
        group = {k: kwargs[k] for k in ("start_new_session", "process_group") if k in kwargs}
        self._proc = SimulatedPopen(self._loop, args, stdin, stdout, stderr, self._exited, **group)

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
