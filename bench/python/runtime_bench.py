"""CPython side of bench/runtime.ts: the same three programs, timed in CPU seconds
(process_time: the machine is shared; see bench/runtime.ts).

Reads program names (switches, gather, queue), one a line, from stdin; for each, runs it RUNS
times in this one process (the first run is the cold one) and prints one JSON line:
{"name": …, "times": [s, …]}. bench/runtime.ts asks for each program just before it times the
runtime's, so both sides run under the same load, and takes the same estimators from both lists.
The gather program runs on a virtual-clock loop (time jumps to the next timer), as the
TypeScript one does.
"""
import asyncio
import json
import selectors
import sys
import time


class _VirtualSelector:
    def __init__(self, loop, real):
        self._loop = loop
        self._real = real

    def select(self, timeout=None):
        events = self._real.select(0)
        if events or timeout == 0 or timeout is None:
            return events
        self._loop._vt += timeout
        return []

    def __getattr__(self, name):
        return getattr(self._real, name)


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__()
        self._vt = 0.0
        self._selector = _VirtualSelector(self, self._selector)

    def time(self):
        return self._vt


def timed(main, loop_factory=None):
    if loop_factory is None:
        t0 = time.process_time()
        asyncio.run(main())
        return time.process_time() - t0
    loop = loop_factory()
    t0 = time.process_time()
    loop.run_until_complete(main())
    dt = time.process_time() - t0
    loop.close()
    return dt


async def switches():
    async def worker():
        for _ in range(10):
            await asyncio.sleep(0)

    await asyncio.gather(*(worker() for _ in range(10_000)))


async def gather_sleep():
    await asyncio.gather(*(asyncio.sleep(0.1) for _ in range(10_000)))


async def queue():
    q = asyncio.Queue(maxsize=100)
    n = 100_000

    async def producer(k):
        for i in range(n // 10):
            await q.put(i)

    async def consumer():
        for _ in range(n // 10):
            await q.get()
            q.task_done()

    await asyncio.gather(*(producer(k) for k in range(10)), *(consumer() for _ in range(10)))


PROGRAMS = {
    "switches": (switches,),
    "gather": (gather_sleep, VirtualLoop),
    "queue": (queue,),
}

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 10

for line in sys.stdin:
    name = line.strip()
    if not name:
        continue
    times = [timed(*PROGRAMS[name]) for _ in range(RUNS)]
    print(json.dumps({"name": name, "times": times}), flush=True)
