"""The program's own threads that hand work to an event loop running in another thread.

The pattern is asyncio.run_coroutine_threadsafe: a loop runs in a second thread, and a
synchronous thread (usually the main one) submits coroutines and blocks on the returned
concurrent.futures.Future, often with a timeout. On the virtual clock that thread and
the loop must take turns, or the loop would jump its clock past the thread's timeout
before the thread even starts waiting, and their prints would race.

So such a thread holds a baton from the moment it calls loop.call_soon_threadsafe
(which run_coroutine_threadsafe does) until it blocks in future.result() or
future.exception(), Thread.join() or time.sleep(). While it holds it, every
virtual-clock loop waits at the top of its next selector poll. A blocked thread is a
waiter: the loop wakes it, and waits for it again, when what it waits for is done or
when the loop's clock reaches its deadline, a deadline the loop jumps to as it would
to a timer.

Only threads outside any loop and outside executor jobs (jobs.py has its own baton)
take part; a program whose threads never call call_soon_threadsafe is unaffected.
Limits: a holding thread that blocks on anything else (a lock, a queue, input) stalls
the recording until the recorder's timeout.
"""

import asyncio
import concurrent.futures
import itertools
import math
import threading

from . import clock, jobs

_cond = threading.Condition()
_holders = set()  # threads holding the baton
_waiters = []  # Waiter, in the order they started waiting
_order = itertools.count()


class Waiter:
    def __init__(self, thread, predicate, deadline):
        self.thread = thread
        self.predicate = predicate
        self.deadline = deadline  # virtual time, or None
        self.order = next(_order)
        self.woken = False

    def due(self, now):
        return self.predicate() or (self.deadline is not None and self.deadline <= now)


def is_outside():
    """True on a thread of the program's own: no running loop here, not an executor job."""
    return asyncio.events._get_running_loop() is None and jobs.current_job() is None


def take_baton():
    """This thread is about to hand a loop work: loops wait until it blocks."""
    if not is_outside():
        return
    with _cond:
        _holders.add(threading.current_thread())


def holds_baton():
    with _cond:
        return threading.current_thread() in _holders


def block(predicate, timeout):
    """Gives the baton back and waits, on the virtual clock, until predicate() or timeout."""
    me = threading.current_thread()
    deadline = None if timeout is None else clock.now() + max(0.0, timeout)
    waiter = Waiter(me, predicate, deadline)
    with _cond:
        _holders.discard(me)
        _waiters.append(waiter)
        _cond.notify_all()
    with _cond:
        while not waiter.woken:
            _cond.wait()


def give_back():
    """Gives the baton back without waiting (Thread.join: the loop's thread must go on)."""
    with _cond:
        _holders.discard(threading.current_thread())
        _cond.notify_all()


def wait_for_holders():
    """On a loop's thread: wait until no thread of the program's own is running."""
    with _cond:
        while _holders:
            alive = {t for t in _holders if t.is_alive()}
            if alive != _holders:
                _holders.intersection_update(alive)
                continue
            _cond.wait(0.05)  # a holder may end without giving the baton back


def wake_due():
    """On a loop's thread: wake, one at a time, each waiter whose wait is over."""
    while True:
        wait_for_holders()
        with _cond:
            now = clock.now()
            due = [w for w in _waiters if w.due(now)]
            if not due:
                return
            waiter = min(due, key=lambda w: (w.deadline if w.deadline is not None else now, w.order))
            _waiters.remove(waiter)
            _holders.add(waiter.thread)
            waiter.woken = True
            _cond.notify_all()


def next_deadline():
    """The earliest deadline of a waiting thread, or math.inf."""
    with _cond:
        return min((w.deadline for w in _waiters if w.deadline is not None), default=math.inf)


def sleep(seconds):
    """time.sleep on a thread holding the baton: a wait that only its deadline ends."""
    block(lambda: False, seconds)


def install():
    """Makes waits on concurrent futures and Thread.join give the baton back.

    (VirtualEventLoop.call_soon_threadsafe takes it, and time.sleep gives it back: loop.py.)
    Installed after jobs.install, so a job's waits still go to its own baton first.
    """
    for name in ("result", "exception"):
        inner = getattr(concurrent.futures.Future, name)

        def method(self, timeout=None, _inner=inner):
            if not self.done() and holds_baton():
                block(self.done, timeout)
                return _inner(self, 0)
            return _inner(self, timeout)

        method.__name__ = name
        setattr(concurrent.futures.Future, name, method)

    real_join = threading.Thread.join

    def join(self, timeout=None):
        if holds_baton():
            give_back()
        return real_join(self, timeout)

    threading.Thread.join = join
