"""The virtual-clock event loop that the example's own asyncio.run() gets.

It is CPython's selector loop with three changes: time() reads the virtual clock,
equal timer deadlines fire in the order the timers were set (as on a real clock),
and the selector never waits in real time while something virtual is pending.
Each poll first gives due executor jobs their turn (jobs.py), then polls the real
selector without waiting (so call_soon_threadsafe from other threads and real I/O
still arrive). If nothing is ready, virtual time jumps to the earliest of the
next timer and the next job wake-up (a job first on a tie), and the loop carries
on. Only when no timer and no job is pending does it block on the real selector
(another thread, a subprocess or a signal is what could wake it).
"""

import asyncio
import concurrent.futures
import heapq
import itertools
import math
import selectors
import warnings

from . import clock, jobs, orders, outside, transcript

_RealSelectorEventLoop = asyncio.SelectorEventLoop
_all_loops = []  # every VirtualEventLoop made, so pending jobs can be finished at exit


class VirtualSelector:
    """Wraps a real selector; select() moves virtual time instead of sleeping."""

    def __init__(self, real):
        self.real = real
        self.loop = None

    def __getattr__(self, name):
        return getattr(self.real, name)

    def select(self, timeout=None):
        loop = self.loop
        sched = loop._vsched
        outside.wake_due()
        sched.run_due(clock.now())
        events = self.real.select(0)
        if events or timeout == 0 or loop._ready or loop._stopping:
            return self._after(events)
        # _run_once dropped cancelled timers from the head, so this is the next one
        # (read exactly, rather than now + timeout, so the clock lands on it).
        timer = loop._scheduled[0]._when if loop._scheduled else None
        job = sched.next_due()
        waiter = outside.next_deadline()
        if waiter < min(math.inf if timer is None else timer, math.inf if job is None else job[1]):
            clock.advance_to(waiter)  # a thread's timeout; wake_due wakes it next poll
            return []
        if job is not None and (timer is None or job[1] <= timer):
            sched.run_due(job[1])
            return self._after(self.real.select(0))
        if timer is not None:
            clock.advance_to(timer)
            return []
        return self._after(self.real.select(None))

    def _after(self, events):
        # A thread that handed the loop work (call_soon_threadsafe) runs until it waits.
        outside.wait_for_holders()
        return events


_timer_seq = itertools.count()


class SeqTimerHandle(asyncio.events.TimerHandle):
    """A TimerHandle that breaks deadline ties by creation order.

    On a real clock a later call_later always gets a later deadline, so timers fire in the
    order they were set. The virtual clock makes equal deadlines common, and heapq would then
    release them in an order no one sees at home; this restores the real-clock order. The
    TypeScript runtime uses the same rule (timerLess in handle.ts).
    """

    __slots__ = ("_seq",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._seq = next(_timer_seq)

    def __lt__(self, other):
        if isinstance(other, SeqTimerHandle):
            return (self._when, self._seq) < (other._when, other._seq)
        return super().__lt__(other)


# Its repr (in debug mode's slow-callback warning) names the class: CPython's name, not ours.
SeqTimerHandle.__name__ = SeqTimerHandle.__qualname__ = "TimerHandle"


class VirtualEventLoop(_RealSelectorEventLoop):
    def __init__(self, selector=None):
        wrapper = VirtualSelector(selector or selectors.DefaultSelector())
        super().__init__(wrapper)
        wrapper.loop = self
        self._vsched = jobs.Scheduler(self)
        self.set_exception_handler(_report_loop_error)
        _all_loops.append(self)

    def time(self):
        return clock.now()

    def create_task(self, coro, **kwargs):
        return orders.note_created(super().create_task(coro, **kwargs))

    def call_at(self, when, callback, *args, context=None):
        # CPython 3.11's BaseEventLoop.call_at, with SeqTimerHandle for the tie-break.
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = SeqTimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    async def create_connection(self, protocol_factory, host=None, port=None, **kwargs):
        # TCP runs on the simulated network (SERVICES.md, "Network"): real loopback sockets
        # take no virtual time and buffer whatever the machine's kernel allows.
        from simulated import _network

        return await _network.create_connection(self, protocol_factory, host, port, **kwargs)

    async def create_server(self, protocol_factory, host=None, port=None, **kwargs):
        from simulated import _network

        return await _network.create_server(self, protocol_factory, host, port, **kwargs)

    async def _make_subprocess_transport(self, protocol, args, shell, stdin, stdout, stderr, bufsize, extra=None, **kwargs):
        # Child processes are simulated (SERVICES.md, "Subprocesses"): a real one takes real
        # time, and its output arrives whenever the machine lets it.
        from simulated import _processes

        return await _processes.make_subprocess_transport(
            self, protocol, args, shell, stdin, stdout, stderr, bufsize, extra=extra, **kwargs
        )

    def _make_read_pipe_transport(self, pipe, protocol, waiter=None, extra=None):
        from simulated import _pipes

        if isinstance(pipe, _pipes.Pipe):
            return _pipes.SimulatedReadPipeTransport(self, pipe, protocol, waiter, extra)
        return super()._make_read_pipe_transport(pipe, protocol, waiter, extra)

    def _make_write_pipe_transport(self, pipe, protocol, waiter=None, extra=None):
        from simulated import _pipes

        if isinstance(pipe, _pipes.Pipe):
            return _pipes.SimulatedWritePipeTransport(self, pipe, protocol, waiter, extra)
        return super()._make_write_pipe_transport(pipe, protocol, waiter, extra)

    def call_soon_threadsafe(self, callback, *args, context=None):
        outside.take_baton()
        return super().call_soon_threadsafe(callback, *args, context=context)

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        if self._debug:
            self._check_callback(func, "run_in_executor")
        if executor is None:
            executor = self._default_executor
            if hasattr(self, "_check_default_executor"):
                self._check_default_executor()
            if executor is None:
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix="asyncio")
                self._default_executor = executor
        if isinstance(executor, concurrent.futures.ThreadPoolExecutor):
            return self._vsched.submit(executor, func, args)
        # Other executors (process pools) run the job to completion right now: it
        # takes no virtual time, and its result arrives on the loop's next step.
        cf = executor.submit(func, *args)
        concurrent.futures.wait([cf])
        return asyncio.wrap_future(cf, loop=self)

    async def shutdown_default_executor(self, timeout=None):
        # CPython waits for a helper thread that joins the pool; here the loop keeps
        # running until the pool's simulated jobs are done, then joins it at once.
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is None:
            return
        await self._vsched.drain(executor)
        executor.shutdown(wait=True)


def _report_loop_error(loop, context):
    exc = context.get("exception")
    text = transcript.describe(exc) if exc is not None else context.get("message", "")
    transcript.event_line("LOOP-ERROR " + text)
    # The usual log (with the traceback) still goes to stderr, which is not recorded.
    loop.default_exception_handler(context)


def vsleep(seconds):
    """time.sleep: see jobs.py for who advances the clock and who waits."""
    job = jobs.current_job()
    if job is not None:
        job.sleep(seconds)
        return
    loop = asyncio.events._get_running_loop()
    if isinstance(loop, VirtualEventLoop):
        loop._vsched.sleep_on_loop_thread(seconds)
    elif outside.holds_baton():
        # A thread that hands a loop in another thread work: it sleeps on that loop's clock.
        outside.sleep(seconds)
    else:
        # No loop in this thread: the main thread before or after asyncio.run (or a
        # thread the program started itself, which the recording cannot order).
        clock.advance_by(seconds)


def finish_pending_jobs():
    """Runs executor jobs left unfinished by a closed loop, as the interpreter would at exit."""
    for loop in _all_loops:
        loop._vsched.drain_blocking()


def install():
    """Makes asyncio.run(), new_event_loop() and SelectorEventLoop() give a VirtualEventLoop."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        base = asyncio.DefaultEventLoopPolicy

        class VirtualEventLoopPolicy(base):
            _loop_factory = VirtualEventLoop

        setter = getattr(asyncio.events, "_set_event_loop_policy", asyncio.set_event_loop_policy)
        setter(VirtualEventLoopPolicy())
    asyncio.SelectorEventLoop = VirtualEventLoop
    if hasattr(asyncio, "EventLoop"):
        asyncio.EventLoop = VirtualEventLoop

    real_shutdown = concurrent.futures.ThreadPoolExecutor.shutdown

    def shutdown(self, wait=True, *, cancel_futures=False):
        # Called on a loop's thread (`with ThreadPoolExecutor() as pool:` in a
        # coroutine), joining must let the pool's simulated jobs finish first.
        loop = asyncio.events._get_running_loop()
        if wait and isinstance(loop, VirtualEventLoop):
            if cancel_futures:
                for job in list(loop._vsched.jobs):
                    if job.executor is self and job.state == jobs.QUEUED:
                        job.future.cancel()
                        loop._vsched._cancel_queued(job)
            loop._vsched.drain_blocking(self)
        real_shutdown(self, wait=wait, cancel_futures=cancel_futures)

    concurrent.futures.ThreadPoolExecutor.shutdown = shutdown
