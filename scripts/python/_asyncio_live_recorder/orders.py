"""Fixed orders where CPython iterates a set of tasks (orders that follow memory addresses).

CPython keeps tasks in sets in a few places, and iterating a set of tasks follows their
addresses: an order that changes with the interpreter's build, its environment, even how it
was launched. Where that order shows in a transcript, the recorder fixes it to the order the
TypeScript runtime uses, so a recording never depends on addresses:

- `asyncio.all_tasks()` iterates in creation order; so shutdown (`asyncio.run` cancelling
  the tasks left pending, then reporting their errors) goes in creation order.
- A `TaskGroup` aborting (a child failed, or the body raised) cancels its remaining children
  in creation order.
- `asyncio.wait()` returns `done` and `pending` iterating (and `.pop()`-ing) in the order the
  awaitables were passed.

Only iteration (`for`, `*`, `list()`, `repr`, `.pop()`) of the sets these return is ordered:
the result of a set operation (`done | other`) is a plain set again.
"""

import asyncio
import asyncio.taskgroups
import asyncio.tasks
import functools
import itertools
import weakref

_created = weakref.WeakKeyDictionary()  # task -> creation sequence number
_sequence = itertools.count()


def note_created(task):
    """Called by the loop's create_task: every task asyncio makes goes through it."""
    if task not in _created:
        _created[task] = next(_sequence)
    return task


def creation_rank(task):
    # A task made without the loop's create_task (asyncio.Task(...) directly) ranks at first sight.
    return note_created(task) and _created[task]


class OrderedSet(set):
    """A set whose iteration follows `rank` instead of the elements' addresses."""

    def __init__(self, items=(), rank=creation_rank):
        super().__init__(items)
        self._rank = rank

    def __iter__(self):
        return iter(sorted(set.__iter__(self), key=self._rank))

    def __repr__(self):
        return "{" + ", ".join(map(repr, self)) + "}" if self else "set()"

    def pop(self):
        if not self:
            raise KeyError("pop from an empty set")
        first = next(iter(self))
        self.discard(first)
        return first


def _all_tasks_in_creation_order(original):
    @functools.wraps(original)
    def all_tasks(loop=None):
        return OrderedSet(original(loop))

    return all_tasks


def _wait_in_argument_order(original):
    @functools.wraps(original)
    async def wait(fs, *args, **kwargs):
        if not isinstance(fs, (asyncio.Future, type(None))) and not asyncio.iscoroutine(fs):
            fs = list(dict.fromkeys(fs))  # the runtime's `new Set(aws)`: first occurrence wins
            position = {id(f): i for i, f in enumerate(fs)}
            done, pending = await original(fs, *args, **kwargs)
            rank = lambda f: position.get(id(f), len(position))  # noqa: E731
            return OrderedSet(done, rank), OrderedSet(pending, rank)
        return await original(fs, *args, **kwargs)  # CPython's own error for a bad argument

    return wait


def install():
    all_tasks = _all_tasks_in_creation_order(asyncio.tasks.all_tasks)
    asyncio.tasks.all_tasks = asyncio.all_tasks = all_tasks  # runners' shutdown reads tasks.all_tasks
    wait = _wait_in_argument_order(asyncio.tasks.wait)
    asyncio.tasks.wait = asyncio.wait = wait

    group_init = asyncio.taskgroups.TaskGroup.__init__

    @functools.wraps(group_init)
    def init(self, *args, **kwargs):
        group_init(self, *args, **kwargs)
        self._tasks = OrderedSet()  # _abort iterates it to cancel the remaining children

    asyncio.taskgroups.TaskGroup.__init__ = init
