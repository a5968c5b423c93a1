"""Executor jobs as simulated threads on the virtual clock.

A job given to loop.run_in_executor (and so asyncio.to_thread) runs on a real
ThreadPoolExecutor worker, but only while it holds the baton: the loop hands the
baton to one job at a time and waits until the job gives it back, which it does
when it calls time.sleep (it then sleeps in virtual time), blocks on a
concurrent.futures.Future, or returns. While a job runs, the loop and every other
job are parked, so the job sees the clock standing still at the loop's time and
its prints land in a fixed order.

The loop hands out the baton at two points only: at the top of each selector poll
(jobs whose time has come run before the loop waits for anything), and while the
loop's own thread is in time.sleep (other threads keep running while the loop is
blocked, as in CPython). Among jobs due at once, the earlier wake time goes first,
then the earlier submission. A job that sleeps for d wakes at now + d; the loop
jumps virtual time to it as it would to a timer, so a job's result arrives at
"start + its virtual duration" and never before the loop has reached that time.

Each executor's max_workers is honoured: a job waits in FIFO order until fewer
than max_workers of that executor's jobs are started and unfinished, and starts
(becomes due) at the virtual time a slot frees up.

Limits: a job that blocks on anything else (a lock, a queue, an Event, real I/O
that never completes) keeps the baton and stalls the recording until the
recorder's timeout; work submitted to an executor directly (executor.submit)
rather than through the loop is not simulated.
"""

import collections
import concurrent.futures
import itertools
import math
import threading

from . import clock

_order = itertools.count()  # ties between jobs due at once go to the one that yielded first

_tls = threading.local()

QUEUED, READY, RUNNING, WAITING, DONE = "queued", "ready", "running", "waiting", "done"


def current_job():
    """The job running on this thread, or None."""
    return getattr(_tls, "job", None)


class Job:
    def __init__(self, sched, executor, func, args, future):
        self.sched = sched
        self.executor = executor
        self.func = func
        self.args = args
        self.future = future
        self.state = QUEUED
        self.wake = None  # READY: when it may run; WAITING: its deadline (None = none)
        self.until = None  # WAITING: the predicate it waits for
        self.go = threading.Semaphore(0)
        self.outcome = None
        self.order = 0

    # --- the worker thread's side -------------------------------------------------

    def run_in_worker(self):
        self.go.acquire()
        _tls.job = self
        try:
            self.outcome = (True, self.func(*self.args))
        except BaseException as exc:  # noqa: BLE001 - delivered to the awaiting future
            self.outcome = (False, exc)
        finally:
            _tls.job = None
            self.func = self.args = None
            self.state = DONE
            self.sched.baton_back.release()

    def sleep(self, seconds):
        self.state, self.wake, self.order = READY, clock.now() + seconds, next(_order)
        self._yield()

    def wait_until(self, predicate, timeout):
        if predicate():
            return
        self.state, self.until, self.order = WAITING, predicate, next(_order)
        self.wake = None if timeout is None else clock.now() + timeout
        self._yield()

    def _yield(self):
        self.sched.baton_back.release()
        self.go.acquire()

    # --- the loop's side ----------------------------------------------------------

    def due_at(self):
        """When this job may run next, or None if it cannot yet."""
        if self.state == READY:
            return self.wake
        if self.state == WAITING:
            if self.until():
                return clock.now()
            return self.wake
        return None


class Scheduler:
    """The simulated threads of one event loop."""

    def __init__(self, loop):
        self.loop = loop
        self.baton_back = threading.Semaphore(0)
        self.jobs = []  # unfinished, in submission order
        self.queues = {}  # executor -> [started count, deque of QUEUED jobs]
        self.drain_waiters = []  # (executor, asyncio future)

    def submit(self, executor, func, args):
        if getattr(executor, "_shutdown", False):
            raise RuntimeError("cannot schedule new futures after shutdown")
        future = self.loop.create_future()
        job = Job(self, executor, func, args, future)
        self.jobs.append(job)
        self.queues.setdefault(executor, [0, collections.deque()])[1].append(job)

        # Named: the trace labels a wait on this future "thread" by it (task_trace.py).
        def cancel_if_queued(f):
            if f.cancelled():
                self._cancel_queued(job)

        future.add_done_callback(cancel_if_queued)
        self._start_queued(executor)
        return future

    def _start_queued(self, executor):
        slot = self.queues[executor]
        while slot[0] < executor._max_workers and slot[1]:
            job = slot[1].popleft()
            slot[0] += 1
            job.state, job.wake, job.order = READY, clock.now(), next(_order)
            if getattr(executor, "_shutdown", False):
                # Accepted before shutdown(wait=False): CPython's pool still runs it, so
                # it gets a thread of its own (the pool takes no new work).
                threading.Thread(target=job.run_in_worker, name="asyncio-late-job").start()
            else:
                executor.submit(job.run_in_worker)

    def _cancel_queued(self, job):
        # Like a concurrent future cancelled before a worker picked it up.
        if job.state == QUEUED:
            self.queues[job.executor][1].remove(job)
            self.jobs.remove(job)
            job.state = DONE
            self._wake_drainers()

    def next_due(self, limit=math.inf):
        """(job, time) of the job to run next if it is due by limit, else None."""
        best = None
        for job in self.jobs:
            t = job.due_at()
            if t is not None and t <= limit and (best is None or (t, job.order) < best[2]):
                best = (job, t, (t, job.order))
        return best and best[:2]

    def run_due(self, limit):
        """Runs, one at a time and in order, every job due by virtual time limit."""
        while (nxt := self.next_due(limit)) is not None:
            job, t = nxt
            clock.advance_to(t)
            job.state = RUNNING
            job.go.release()
            self.baton_back.acquire()
            if job.state == DONE:
                self._finish(job)

    def _finish(self, job):
        self.jobs.remove(job)
        self.queues[job.executor][0] -= 1
        if not self.loop.is_closed():
            self.loop.call_soon(_deliver, job.future, job.outcome)
        job.outcome = None
        self._start_queued(job.executor)
        self._wake_drainers()

    def _wake_drainers(self):
        for executor, waiter in list(self.drain_waiters):
            if not self.has_jobs(executor) and not waiter.done():
                waiter.set_result(None)

    def has_jobs(self, executor=None):
        return any(executor is None or j.executor is executor for j in self.jobs)

    def sleep_on_loop_thread(self, seconds):
        """time.sleep on the loop's thread: the loop is held, other threads run."""
        target = clock.now() + seconds
        self.run_due(target)
        clock.advance_to(target)

    def drain_blocking(self, executor=None):
        """Blocks this (the loop's) thread until the jobs are done, as executor.shutdown(wait=True)."""
        while self.has_jobs(executor) and (nxt := self.next_due()) is not None:
            self.run_due(nxt[1])

    async def drain(self, executor):
        """Waits, letting the loop run, until the executor's jobs are done."""
        while self.has_jobs(executor):
            waiter = self.loop.create_future()
            self.drain_waiters.append((executor, waiter))
            try:
                await waiter
            finally:
                self.drain_waiters.remove((executor, waiter))


def _deliver(future, outcome):
    if future.cancelled():
        return
    ok, value = outcome
    if ok:
        future.set_result(value)
    else:
        from asyncio import futures

        future.set_exception(futures._convert_future_exc(value))


def install():
    """Makes waits on concurrent futures inside a job give the baton back."""
    real_result = concurrent.futures.Future.result
    real_exception = concurrent.futures.Future.exception

    def wrap(real):
        def method(self, timeout=None):
            job = current_job()
            if job is None or self.done():
                return real(self, timeout)
            job.wait_until(self.done, timeout)
            return real(self, 0)

        method.__name__ = real.__name__
        return method

    concurrent.futures.Future.result = wrap(real_result)
    concurrent.futures.Future.exception = wrap(real_exception)
