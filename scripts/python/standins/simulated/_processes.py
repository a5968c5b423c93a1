"""Simulated child processes under `loop.subprocess_exec`, so `asyncio.create_subprocess_exec`
(CPython's own `Process`, `SubprocessStreamProtocol` and `BaseSubprocessTransport`) runs a few
deterministic commands on the virtual clock. The TypeScript runtime's
`src/runtime/asyncio/simulated-process.ts` follows it step for step; the rules are in
SERVICES.md, "Subprocesses".

A real process takes real time to start and its output arrives when the machine lets it, so a
recording would neither be exact nor the same twice. Here a child is a generator of actions
(write to a pipe, sleep, exit), driven by loop timers; its pipes hold 64 KiB, as Linux's do.
"""

import asyncio
import signal
import subprocess
import weakref
from asyncio import base_subprocess, futures, transports

from . import _commands

PIPE_CAPACITY = 64 * 1024  # Linux's default pipe buffer
FIRST_PID = 4001
_next_pid = weakref.WeakKeyDictionary()  # loop -> the next pid it hands out


class Pipe:
    """A pipe: what is in it, and who waits on it. For stdout and stderr the child writes and
    the parent's read transport reads; for stdin the parent's write transport writes and the
    child reads."""

    def __init__(self):
        self.data = bytearray()
        self.write_closed = False
        self.read_closed = False
        self.reader = None  # the parent's SimulatedReadPipeTransport
        self.blocked = None  # (bytes not yet written, callback) of a child waiting for room
        self.on_data = None  # a child waiting to read: called once data or the end arrives
        self.writer = None  # the parent's SimulatedWritePipeTransport

    def readable(self):
        return bool(self.data) or self.write_closed

    def put(self, data):
        """The parent writes without blocking: puts in what fits, returns how much."""
        n = min(len(data), PIPE_CAPACITY - len(self.data))
        self.data += data[:n]
        if n:
            self._wake_reader()
        return n

    def write(self, data, resume):
        """The child writes: True when all of it fit, else resume() is called once it has."""
        room = PIPE_CAPACITY - len(self.data)
        self.data += data[:room]
        self._wake_reader()
        if len(data) <= room:
            return True
        self.blocked = (data[room:], resume)
        return False

    def _wake_reader(self):
        if self.reader is not None:
            self.reader._poll()
        waiting, self.on_data = self.on_data, None
        if waiting is not None:
            waiting()

    def read(self, n):
        chunk = bytes(self.data[:n])
        del self.data[:n]
        if chunk and self.blocked is not None:
            rest, resume = self.blocked
            self.blocked = None
            if self.write(rest, resume):
                resume()
        if chunk and self.writer is not None:
            self.writer._room()
        return chunk

    def close_write(self):
        self.blocked = None
        self.write_closed = True
        self._wake_reader()

    def close_read(self):
        self.read_closed = True
        if self.writer is not None:
            self.writer._peer_closed()


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


class SimulatedReadPipeTransport(transports.ReadTransport):
    """The parent's end of a child's stdout or stderr (CPython's `_UnixReadPipeTransport`)."""

    max_size = 256 * 1024

    def __init__(self, loop, pipe, protocol, waiter=None, extra=None):
        super().__init__(extra)
        self._extra["pipe"] = pipe
        self._loop = loop
        self._pipe = pipe
        self._protocol = protocol
        self._closing = False
        self._paused = False
        self._registered = False
        self._scheduled = False
        pipe.reader = self
        loop.call_soon(protocol.connection_made, self)
        loop.call_soon(self._add_reader)
        if waiter is not None:
            loop.call_soon(futures._set_result_unless_cancelled, waiter, None)

    def _add_reader(self):
        self._registered = True
        self._poll()

    def _poll(self):
        # The selector would report the pipe readable on the loop's next pass.
        if self._registered and not self._scheduled and self._pipe.readable():
            self._scheduled = True
            self._loop.call_soon(self._read_ready)

    def _read_ready(self):
        self._scheduled = False
        if not self._registered:
            return
        data = self._pipe.read(self.max_size)
        if data:
            self._protocol.data_received(data)
            self._poll()
        else:
            self._closing = True
            self._registered = False
            self._loop.call_soon(self._protocol.eof_received)
            self._loop.call_soon(self._call_connection_lost, None)

    def pause_reading(self):
        if self._closing or self._paused:
            return
        self._paused = True
        self._registered = False

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._add_reader()

    def is_closing(self):
        return self._closing

    def close(self):
        if not self._closing:
            self._closing = True
            self._registered = False
            self._loop.call_soon(self._call_connection_lost, None)

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._pipe.close_read()
            self._pipe = None
            self._protocol = None
            self._loop = None


class SimulatedWritePipeTransport(transports._FlowControlMixin, transports.WriteTransport):
    """The parent's end of a child's stdin (CPython's `_UnixWritePipeTransport`)."""

    def __init__(self, loop, pipe, protocol, waiter=None, extra=None):
        super().__init__(extra, loop)
        self._extra["pipe"] = pipe
        self._pipe = pipe
        self._protocol = protocol
        self._buffer = bytearray()
        self._conn_lost = 0
        self._closing = False
        self._writing = False  # waiting for room in the pipe (the loop's writer)
        self._watching = False  # told when the child closes its end (the loop's reader)
        pipe.writer = self
        loop.call_soon(protocol.connection_made, self)
        # CPython watches a pipe's write end for reading: it turns readable when the reader closes.
        loop.call_soon(self._add_reader)
        if waiter is not None:
            loop.call_soon(futures._set_result_unless_cancelled, waiter, None)

    def _add_reader(self):
        if self._pipe is None:
            return
        self._watching = True
        if self._pipe.read_closed:
            self._loop.call_soon(self._read_ready)

    def _peer_closed(self):
        if self._watching:
            self._loop.call_soon(self._read_ready)

    def _room(self):
        if self._writing:
            self._loop.call_soon(self._write_ready)

    def get_write_buffer_size(self):
        return len(self._buffer)

    def _read_ready(self):
        if not self._watching:
            return
        if self._buffer:
            self._close(BrokenPipeError())
        else:
            self._close()

    def write(self, data):
        assert isinstance(data, (bytes, bytearray, memoryview)), repr(data)
        if isinstance(data, bytearray):
            data = memoryview(data)
        if not data:
            return
        if self._conn_lost or self._closing:
            self._conn_lost += 1  # CPython logs a warning from the fifth
            return
        if not self._buffer:
            if self._pipe.read_closed:
                self._conn_lost += 1
                self._close(BrokenPipeError(32, "Broken pipe"))  # os.write's EPIPE, not logged
                return
            n = self._pipe.put(bytes(data))
            if n == len(data):
                return
            data = memoryview(data)[n:]
            self._writing = True
        self._buffer += data
        self._maybe_pause_protocol()

    def _write_ready(self):
        if not self._writing:
            return
        if self._pipe.read_closed:
            self._buffer.clear()
            self._conn_lost += 1
            self._writing = False
            self._close(BrokenPipeError(32, "Broken pipe"))
            return
        n = self._pipe.put(bytes(self._buffer))
        if n == len(self._buffer):
            self._buffer.clear()
            self._writing = False
            self._maybe_resume_protocol()
            if self._closing:
                self._watching = False
                self._call_connection_lost(None)
            return
        del self._buffer[:n]

    def can_write_eof(self):
        return True

    def write_eof(self):
        if self._closing:
            return
        self._closing = True
        if not self._buffer:
            self._watching = False
            self._loop.call_soon(self._call_connection_lost, None)

    def is_closing(self):
        return self._closing

    def close(self):
        if self._pipe is not None and not self._closing:
            self.write_eof()

    def abort(self):
        self._close(None)

    def _close(self, exc=None):
        self._closing = True
        self._writing = False
        self._buffer.clear()
        self._watching = False
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._pipe.close_write()
            self._pipe = None
            self._protocol = None
            self._loop = None


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
