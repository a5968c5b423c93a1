"""The simulated TCP network under `loop.create_connection` / `loop.create_server`, so
`asyncio.open_connection` and `asyncio.start_server` (CPython's own stream classes) run on
the virtual clock with a settable latency and bandwidth. The TypeScript runtime's
`src/runtime/asyncio/network.ts` follows it step for step; the rules are in SERVICES.md,
"Network".

Real sockets on 127.0.0.1 work under the recorder, but every byte arrives in zero virtual
time and the kernel's buffers (sized by the machine) swallow megabytes before a transport
buffers anything, so neither latency nor backpressure could be shown or recorded the same
way twice.
"""

import asyncio
import sys
import weakref
from asyncio import base_events, futures, transports

import simulated

SEGMENT = 16 * 1024  # the most one transmission carries
WINDOW = 64 * 1024  # what a receiver holds unread (in flight or queued) before the sender waits
FIRST_PORT = 50000  # client ports are numbered from here, in connection order
_worlds = weakref.WeakKeyDictionary()  # loop -> its _World
_ANY = "*"


class _World:
    def __init__(self):
        self.listeners = {}  # (host, port) -> Server
        self.next_port = FIRST_PORT
        self.next_fd = 10_000


def _world(loop):
    world = _worlds.get(loop)
    if world is None:
        world = _worlds[loop] = _World()
    return world


def _host(host):
    if host in (None, "", "0.0.0.0", "::"):
        return _ANY
    return "127.0.0.1" if host == "localhost" else host


class _Endpoint:
    """One end of a connection, as the kernel holds it: data that arrived and was not yet
    handed to the transport, and what is on its way here."""

    def __init__(self, address):
        self.address = address
        self.peer = None
        self.transport = None
        self.queue = []  # bytes chunks, then None for the end of the stream
        self.queued = 0
        self.in_flight = 0
        self.closed = False
        self.eof_arrived = False
        self.reset_error = None

    def window(self):
        return WINDOW - self.in_flight - self.queued

    def arrive(self, chunk):
        self.in_flight -= len(chunk)
        if self.closed:
            # A closed socket answers data with a reset, as TCP does.
            self.peer.reset()
            return
        t = self.transport
        if t is not None and t.is_reading() and not self.queue:
            t._protocol.data_received(chunk)
        else:
            self.queue.append(chunk)
            self.queued += len(chunk)
        self.wake_sender()

    def reset(self):
        """The peer answered with a reset. Linux reports it as EPIPE once this end has read the
        peer's end of stream (CLOSE_WAIT), else as ECONNRESET; the transport learns of it when
        it next sends."""
        if self.reset_error is not None:
            return
        if self.eof_arrived:
            self.reset_error = BrokenPipeError(32, "Broken pipe")
        else:
            self.reset_error = ConnectionResetError(104, "Connection reset by peer")
        t = self.transport
        if t is not None and t.get_write_buffer_size():
            t._force_close(self.reset_error)

    def wake_sender(self):
        """This end's receive window opened: its peer may send more."""
        sender = self.peer.transport
        if sender is not None:
            sender._send_more()

    def arrive_eof(self):
        if self.closed:
            return
        self.eof_arrived = True
        t = self.transport
        if t is not None and t.is_reading() and not self.queue:
            t._eof_received()
        else:
            self.queue.append(None)


class SimulatedTransport(transports._FlowControlMixin):
    """A socket transport on the simulated network (CPython's `_SelectorSocketTransport`)."""

    def __init__(self, loop, protocol, endpoint, waiter=None, server=None):
        super().__init__({"peername": endpoint.peer.address, "sockname": endpoint.address}, loop)
        self._protocol = protocol
        self._endpoint = endpoint
        self._server = server
        self._buffer = bytearray()
        self._sending = False
        self._fin_wanted = False
        self._fin_sent = False
        self._closing = False
        self._eof = False
        self._paused = False
        self._conn_lost = 0
        endpoint.transport = self
        if server is not None:
            if sys.version_info >= (3, 13):
                server._attach(self)
            else:
                server._attach()
        loop.call_soon(protocol.connection_made, self)
        loop.call_soon(self._start_reading)
        if waiter is not None:
            loop.call_soon(futures._set_result_unless_cancelled, waiter, None)

    def __repr__(self):
        return f"<SimulatedTransport {self._endpoint.address} -> {self._endpoint.peer.address}>"

    # Reading

    def is_reading(self):
        return not self._paused and not self._closing

    def pause_reading(self):
        if not self.is_reading():
            return
        self._paused = True

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._loop.call_soon(self._deliver_queued)

    def _start_reading(self):
        if self._endpoint.queue:
            self._deliver_queued()

    def _deliver_queued(self):
        ep = self._endpoint
        if not self.is_reading() or not ep.queue:
            return
        eof = ep.queue[-1] is None
        data = b"".join(c for c in ep.queue if c is not None)
        ep.queue.clear()
        ep.queued = 0
        if data:
            self._protocol.data_received(data)
        if eof and not self._closing:
            self._eof_received()
        ep.wake_sender()

    def _eof_received(self):
        if not self._protocol.eof_received():
            self.close()

    # Writing

    def write(self, data):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"data argument must be a bytes-like object, not {type(data).__name__!r}")
        if self._eof:
            raise RuntimeError("Cannot call write() after write_eof()")
        if not data:
            return
        if self._conn_lost:
            self._conn_lost += 1
            return
        if self._endpoint.reset_error is not None:
            self._force_close(self._endpoint.reset_error)  # CPython: "Fatal write error on socket transport"
            return
        self._buffer.extend(data)
        self._send_more()
        self._maybe_pause_protocol()

    def writelines(self, list_of_data):
        self.write(b"".join(list_of_data))

    def get_write_buffer_size(self):
        return len(self._buffer)

    def can_write_eof(self):
        return True

    def write_eof(self):
        if self._closing or self._eof:
            return
        self._eof = True
        self._fin_wanted = True
        self._send_more()

    def _send_more(self):
        """Puts what the window and the wire allow on its way to the peer."""
        if self._sending:
            return
        loop = self._loop
        peer = self._endpoint.peer
        latency = simulated.settings.network_latency
        bandwidth = simulated.settings.network_bandwidth
        sent = False
        while self._buffer and peer.window() > 0:
            n = min(len(self._buffer), SEGMENT, peer.window())
            chunk = bytes(self._buffer[:n])
            del self._buffer[:n]
            peer.in_flight += n
            sent = True
            if bandwidth is None:
                loop.call_later(latency, peer.arrive, chunk)
            else:
                self._sending = True
                loop.call_later(n / bandwidth, self._sent, chunk)
                break
        if sent:
            self._maybe_resume_protocol()
            if not self._buffer and self._closing and not self._conn_lost:
                self._call_connection_lost(None)
        if self._fin_wanted and not self._fin_sent and not self._buffer and not self._sending:
            self._fin_sent = True
            loop.call_later(latency, peer.arrive_eof)

    def _sent(self, chunk):
        self._sending = False
        self._loop.call_later(simulated.settings.network_latency, self._endpoint.peer.arrive, chunk)
        self._send_more()

    # Closing

    def is_closing(self):
        return self._closing

    def close(self):
        if self._closing:
            return
        self._closing = True
        self._fin_wanted = True
        if not self._buffer:
            self._conn_lost += 1
            self._loop.call_soon(self._call_connection_lost, None)
        self._send_more()

    def abort(self):
        self._buffer.clear()
        if not self._closing:
            self._closing = True
            self._fin_wanted = True
            self._send_more()
        if not self._conn_lost:
            self._conn_lost += 1
            self._loop.call_soon(self._call_connection_lost, None)

    def _force_close(self, exc):
        if self._conn_lost:
            return
        self._buffer.clear()
        self._closing = True
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        if self._endpoint.closed:
            return
        self._conn_lost = max(self._conn_lost, 1)
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._endpoint.closed = True
            server = self._server
            if server is not None:
                if sys.version_info >= (3, 13):
                    server._detach(self)
                else:
                    server._detach()
                self._server = None


class _ListeningSocket:
    """What `server.sockets` holds: enough of a socket for `getsockname()`."""

    family = 2  # AF_INET
    type = 1  # SOCK_STREAM
    proto = 6

    def __init__(self, address, fd):
        self._address = address
        self._fd = fd

    def getsockname(self):
        return self._address

    def fileno(self):
        return self._fd  # never registered with the selector: the loop's _stop_serving skips it

    def close(self):
        pass

    def listen(self, backlog):
        pass


class SimulatedServer(base_events.Server):
    """CPython's own Server (close, wait_closed, serve_forever, async with: each version's),
    listening on the simulated network instead of a socket."""

    def __init__(self, loop, address, protocol_factory, backlog):
        world = _world(loop)
        world.next_fd += 1
        self._address = address
        super().__init__(loop, [_ListeningSocket(address, world.next_fd)], protocol_factory, None, backlog, None)

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True

    def _accepts(self):
        return self._serving and self._sockets is not None


def _free(world, host, port):
    for (h, p), server in world.listeners.items():
        if p == port and (h == host or _ANY in (h, host)) and server._sockets is not None:
            return False
    return True


async def create_server(loop, protocol_factory, host=None, port=None, *, backlog=100, start_serving=True, **_):
    world = _world(loop)
    key = _host(host)
    if port is None or port == 0:
        port = world.next_port
        world.next_port += 1
    if not _free(world, key, port):
        shown = "0.0.0.0" if key == _ANY else key
        # 3.13 appends the OSError's own text instead of its strerror.
        why = "[errno 98] address already in use" if sys.version_info >= (3, 13) else "address already in use"
        raise OSError(98, f"error while attempting to bind on address ({shown!r}, {port}): {why}")
    address = ("0.0.0.0" if key == _ANY else key, port)
    server = SimulatedServer(loop, address, protocol_factory, backlog)
    world.listeners[(key, port)] = server
    if start_serving:
        server._start_serving()
        await asyncio.sleep(0)
    return server


def _listener(world, host, port):
    for key in ((_host(host), port), (_ANY, port)):
        server = world.listeners.get(key)
        if server is not None and server._accepts():
            return server
    return None


async def _accept(loop, server, endpoint):
    protocol = server._protocol_factory()
    waiter = loop.create_future()
    SimulatedTransport(loop, protocol, endpoint, waiter=waiter, server=server)
    await waiter


def _syn_arrives(loop, done, host, port):
    world = _world(loop)
    latency = simulated.settings.network_latency
    server = _listener(world, host, port)
    if server is None:
        error = ConnectionRefusedError(111, f"Connect call failed {(_host(host), port)!r}")
        loop.call_later(latency, _settle, done, None, error)
        return
    client = _Endpoint(("127.0.0.1", world.next_port))
    world.next_port += 1
    here = _Endpoint(("127.0.0.1" if _host(host) == _ANY else _host(host), port))
    client.peer, here.peer = here, client
    loop.create_task(_accept(loop, server, here))
    loop.call_later(latency, _settle, done, client, None)


def _settle(done, endpoint, error):
    if done.done():
        return
    if error is not None:
        done.set_exception(error)
    else:
        done.set_result(endpoint)


async def create_connection(loop, protocol_factory, host=None, port=None, **_):
    done = loop.create_future()
    loop.call_later(simulated.settings.network_latency, _syn_arrives, loop, done, host, port)
    endpoint = await done
    protocol = protocol_factory()
    waiter = loop.create_future()
    transport = SimulatedTransport(loop, protocol, endpoint, waiter=waiter)
    await waiter
    return transport, protocol
