"""The task events of a recording: `python.trace` beside `python.out` (README, "Trace").

A transcript knows only the lines printed, so a timeline drawn from it misses every task that
never printed and cannot order its lanes as a live run does. This records what the timeline
needs, on the virtual clock: each task's creation (number, name, parent), each step's start,
what it then waited on, and how it ended; and where the transcript's lines fall among them
(`["p", n]`: the next n lines). Ids follow the TypeScript runtime's trace (trace.ts): N for a
task created as `Task-N`, negative for a task named at creation.

Run Python in the page (src/sandbox/python/live_run.py) draws its live timeline from these
same events (`observe`), so a live run and a recording of the same version trace alike.

Compact on purpose (it ships in the page): one JSON array per event, times rounded to the
microsecond, results and errors cut short.
"""

import asyncio
import inspect
import json
import os
import re
import weakref

from . import clock, loop, transcript

FORMAT = 1
MAX_TEXT = 80  # a result's repr or an error shown in a tooltip: the start is enough
# What the outermost asyncio coroutine a task waits in is called on the timeline, as the
# TypeScript runtime labels the same wait (its futures' `label`).
_LABELS = {
    "Lock.acquire": "Lock",
    "Semaphore.acquire": "Semaphore",
    "BoundedSemaphore.acquire": "Semaphore",
    "Event.wait": "Event.wait",
    "Condition.wait": "Condition.wait",
    "Condition.wait_for": "Condition.wait",
    "Queue.get": "Queue.get",
    "Queue.put": "Queue.put",
    "Queue.join": "Queue.join",
    "Barrier.wait": "Barrier.wait",
    "wait": "wait",
    "wait_for": "wait_for",
    "TaskGroup.__aexit__": "TaskGroup",
    "to_thread": "thread",
    "as_completed.<locals>._wait_for_one": "as_completed",
}
# A future that no asyncio coroutine awaits is known by a callback its maker put on it: the
# outer future of `shield`, the loop's future of an executor job (`run_in_executor`: a
# simulated job, jobs.py, or a process pool's wrapped future).
_CALLBACK_LABELS = {
    "shield.<locals>._outer_done_callback": "shield",
    "_chain_future.<locals>._call_check_cancel": "thread",
    "Scheduler.submit.<locals>.cancel_if_queued": "thread",
}
_ASYNCIO_DIR = os.path.dirname(asyncio.__file__) + os.sep
# asyncio.run's own clean-up runs as tasks; the TypeScript runtime does that work without any.
_HOUSEKEEPING = {"shutdown_asyncgens", "shutdown_default_executor"}

_events = []
_ids = weakref.WeakKeyDictionary()  # task -> its id
_names = weakref.WeakKeyDictionary()  # task -> the name the trace last gave it
_started = weakref.WeakSet()
_unseen = weakref.WeakSet()  # housekeeping tasks, left out of the trace
_named = [0]


def _t():
    return round(clock.now(), 6)


# A default repr's address (`<SimReply object at 0x7f…>`) differs on every run and machine.
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def _cut(text):
    text = _ADDRESS.sub("", text)
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def task_id(task):
    """The trace's id of a task: N for `Task-N`, -1, -2, … for tasks named otherwise."""
    known = _ids.get(task)
    if known is None:
        name = task.get_name()
        number = name[5:] if name.startswith("Task-") else ""
        if number.isdigit():
            known = int(number)
        else:
            _named[0] -= 1
            known = _named[0]
        _ids[task] = known
        _names[task] = name
    return known


def _seen(task):
    """The task's id, after a `renamed` event if it was renamed since the trace last said."""
    tid = task_id(task)
    name = task.get_name()
    if _names.get(task) != name:
        _names[task] = name
        _sink(["n", _t(), tid, name])
    return tid


def _current():
    try:
        if asyncio.events._get_running_loop() is None:
            return None
        return asyncio.current_task()
    except Exception:  # noqa: BLE001 - the transcript's own rule
        return None


def _housekeeping(task):
    if task in _unseen:
        return True
    if task in _ids:
        return False
    code = getattr(task.get_coro(), "cr_code", None)
    if (
        code is not None
        and code.co_name in _HOUSEKEEPING
        and (code.co_filename.startswith(_ASYNCIO_DIR) or code.co_filename == loop.__file__)
    ):
        _unseen.add(task)
        return True
    return False


def _chain(task):
    """The coroutines a task is suspended in, outermost first."""
    link = task.get_coro()
    while link is not None:
        code = getattr(link, "cr_code", None) or getattr(link, "gi_code", None)
        if code is None:
            return
        yield link, code
        link = getattr(link, "cr_await", None) or getattr(link, "gi_yieldfrom", None)


def waiting_on(task, waiter):
    """What a suspended task waits on, as the TypeScript runtime labels it: `sleep(1)`, …"""
    for coro, code in _chain(task):
        if not code.co_filename.startswith(_ASYNCIO_DIR):
            continue
        if code.co_name == "sleep":
            frame = getattr(coro, "cr_frame", None)
            delay = frame.f_locals.get("delay") if frame is not None else None
            return f"sleep({delay!r})"
        label = _LABELS.get(code.co_qualname)
        if label is not None:
            return label
    if waiter is None:
        return "sleep(0)"  # a bare yield: the task only gave the loop a turn
    if isinstance(waiter, asyncio.Task):
        return waiter.get_name()
    for callback, _context in getattr(waiter, "_callbacks", None) or ():
        label = _CALLBACK_LABELS.get(getattr(callback, "__qualname__", None))
        if label is not None:
            return label
    kind = type(waiter).__name__.lstrip("_")
    return "gather" if kind == "GatheringFuture" else kind


class _Step:
    """A task's step or wake-up as the loop runs it: reported before and after."""

    __slots__ = ("task", "callback")

    def __init__(self, task, callback):
        self.task, self.callback = task, callback

    @property
    def __self__(self):
        # Debug mode's slow-callback warning shows a step as its task (base_events._format_handle).
        return self.task

    def __call__(self, *args):
        task = self.task
        if task in _unseen:  # left out after its first step was scheduled (clean-up's own)
            return self.callback(*args)
        tid = _seen(task)
        first = task not in _started
        _started.add(task)
        _sink(["s" if first else "r", _t(), tid])
        callback = self.callback
        # Hold neither the task nor this wrapper while the step runs: a frame its exception's
        # traceback reaches would keep a failed task alive and delay "never retrieved".
        ref = weakref.ref(task)
        del task
        self = None  # noqa: PLW0642
        callback(*args)
        del callback
        _after(ref, tid)


def _after(ref, tid):
    task = ref()
    if task is None:
        return
    _seen(task)
    t = _t()
    if not task.done():
        _sink(["w", t, tid, waiting_on(task, getattr(task, "_fut_waiter", None))])
    elif task.cancelled():
        _sink(["x", t, tid, _cut(str(getattr(task, "_cancel_message", None) or ""))])
    elif getattr(task, "_exception", None) is not None:
        # Read without exception(): that would silence "exception was never retrieved".
        _sink(["f", t, tid, _cut(transcript.describe(task._exception))])
    else:
        try:
            result = repr(getattr(task, "_result", None))
        except Exception:  # noqa: BLE001
            result = "<unprintable>"
        _sink(["d", t, tid, _cut(result)])


def _ran_eagerly(task):
    """Did `task` take its first step inside `create_task` (an eager task)?"""
    if task in _started:
        return False
    if task.done():
        return True
    coro = task.get_coro()
    return inspect.iscoroutine(coro) and inspect.getcoroutinestate(coro) != inspect.CORO_CREATED


def _note_line():
    # Counted in place, without a new object per line: what the recorder allocates moves when
    # CPython's cyclic GC runs, and so when an abandoned async generator is finalised (3.12
    # then traced an extra aclose task for acm-transaction).
    last = _events[-1] if _events else None
    if last is not None and last[0] == "p":
        last[1] += 1
    else:
        _events.append(["p", 1])


_sink = _events.append
_on_line = _note_line


def install(path):
    """Records the task events of this run; `write` puts them in `path` at the end."""
    observe(_events.append, _note_line)
    return lambda: write(path)


def observe(sink, on_line=lambda: None):
    """Traces the loop's tasks from now on: each task event, as a list (`["w", t, id,
    "sleep(1)"]`), goes to `sink`; `on_line()` is called before each transcript line.

    Call it after anything else that patches `transcript.StampedStdout.emit`: a rename is
    told before the line printed under the new name.
    """
    global _sink, _on_line
    _sink, _on_line = sink, on_line
    cls = loop.VirtualEventLoop
    call_soon, create_task = cls.call_soon, cls.create_task
    emit = transcript.StampedStdout.emit

    def traced_call_soon(self, callback, *args, context=None):
        task = getattr(callback, "__self__", None)
        if isinstance(task, asyncio.Task) and not _housekeeping(task):
            callback = _Step(task, callback)
        return call_soon(self, callback, *args, context=context)

    def traced_create_task(self, coro, **kwargs):
        current = _current()
        if current is not None and _housekeeping(current):
            # What the clean-up makes (the tasks closing async generators) is clean-up too.
            task = create_task(self, coro, **kwargs)
            _unseen.add(task)
            return task
        parent = _seen(current) if current is not None else None
        at = len(_events)
        last = _events[-1] if _events and _events[-1][0] == "p" else None
        lines_before = last[1] if last is not None else 0
        task = create_task(self, coro, **kwargs)
        if _housekeeping(task):
            return task
        if not _ran_eagerly(task):
            _sink(["c", _t(), task_id(task), task.get_name(), parent])
            return task
        # An eager task (3.12's eager_task_factory) took its first step inside create_task:
        # created and started before what that step printed, then where the step got to.
        tid = task_id(task)
        t = _t()
        head = [["c", t, tid, _names.get(task, task.get_name()), parent], ["s", t, tid]]
        if _sink == _events.append:
            if last is not None and last[1] > lines_before:
                head.append(["p", last[1] - lines_before])
                last[1] = lines_before
            _events[at:at] = head
        else:
            # A live sink (Run Python) has passed the step's events and lines on already.
            for event in head:
                _sink(event)
        _started.add(task)
        _after(weakref.ref(task), tid)
        return task

    def traced_emit(self, prefix, text):
        current = _current()
        if current is not None and not _housekeeping(current):
            _seen(current)  # a rename shows before the line printed under the new name
        _on_line()
        return emit(self, prefix, text)

    cls.call_soon = traced_call_soon
    cls.create_task = traced_create_task
    transcript.StampedStdout.emit = traced_emit


def write(path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"v": FORMAT, "e": _events}, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
