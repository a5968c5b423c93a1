"""`ProcessPoolExecutor` on Pyodide, which cannot start a process: each call runs here, at once.

The recorder already runs a process pool's job to completion when it is submitted, taking no
virtual time (loop.py, `run_in_executor`): only where it runs differs. What a child process
would make visible is kept: the function and its arguments go through pickle as they would to
a child (so a lambda or a local function fails with pickle's own error, on the future), the
result comes back through pickle too, and an exception the function raises is the future's.
A child's own prints would go to the process's stdout unstamped; here they are stamped as the
parent's (no example prints from a child).
"""

import concurrent.futures
import pickle


class ProcessPoolExecutor(concurrent.futures.Executor):
    """Stands for concurrent.futures.ProcessPoolExecutor: calls run in this interpreter."""

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                 max_tasks_per_child=None):
        if max_workers is not None and max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers or 4  # os.cpu_count() is pinned to 4 (harness.py)
        self._initializer, self._initargs = initializer, initargs
        self._initialized = False
        self._shutdown_thread = False

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown_thread:
            raise RuntimeError("cannot schedule new futures after shutdown")
        future = concurrent.futures.Future()
        try:
            fn, args, kwargs = pickle.loads(pickle.dumps((fn, args, kwargs)))
            if self._initializer is not None and not self._initialized:
                self._initialized = True
                self._initializer(*self._initargs)
            result = pickle.loads(pickle.dumps(fn(*args, **kwargs)))
        except BaseException as exc:  # noqa: BLE001 - the child's error is the future's
            future.set_exception(exc)
        else:
            future.set_result(result)
        return future

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown_thread = True


ProcessPoolExecutor.__module__ = "concurrent.futures.process"


def install():
    concurrent.futures.ProcessPoolExecutor = ProcessPoolExecutor
