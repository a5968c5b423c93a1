"""Simulated pipes between a parent and its simulated child (`_processes.py`), and the parent's
transports on them: CPython's `_UnixReadPipeTransport` (a child's stdout, stderr) and
`_UnixWritePipeTransport` (its stdin), step for step, over a buffer instead of a file
descriptor. Where the selector would report a pipe readable or writable, the transport acts on
the loop's next pass. TypeScript: `src/runtime/asyncio/simulated-pipe.ts` and
`simulated-pipe-transports.ts`; the rules are in SERVICES.md, "Subprocesses".
"""

from asyncio import futures, transports

PIPE_CAPACITY = 64 * 1024  # Linux's default pipe buffer


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
        # Child processes holding an end (a shell's commands inherit the shell's ends): the end
        # closes when the last of them exits, as a file descriptor does.
        self.child_writers = 0
        self.child_readers = 0

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

    def drop_child_writer(self):
        """A child process that held the write end exited: the end closes with the last."""
        self.child_writers -= 1
        if self.child_writers == 0:
            self.close_write()

    def drop_child_reader(self):
        """A child process that held the read end exited: the end closes with the last."""
        self.child_readers -= 1
        if self.child_readers == 0:
            self.close_read()


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
