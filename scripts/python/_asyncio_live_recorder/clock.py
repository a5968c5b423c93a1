"""The one virtual clock of a recording, and the patches that make Python read it.

Virtual time starts at 0.0 and only moves forward: the event loop jumps it to the
next timer when nothing is ready, and time.sleep advances it instead of sleeping.
time.time() is a fixed epoch plus virtual time, so wall-clock prints are exact too.
"""

import datetime as _datetime
import importlib
import math
import operator
import threading
import time as _time
import types

EPOCH = 1_700_000_000.0  # 2023-11-14 22:13:20 UTC: any fixed instant will do
_EPOCH_NS = 1_700_000_000 * 1_000_000_000

_now = 0.0
_lock = threading.Lock()


def now():
    """Virtual seconds since the recording started."""
    return _now


def advance_to(t):
    """Moves the clock forward to t (never backwards)."""
    global _now
    with _lock:
        if t > _now:
            _now = t


def advance_by(seconds):
    global _now
    with _lock:
        _now += seconds


def check_sleep_arg(secs):
    """Validates time.sleep's argument the way the real one does, returns it as a float."""
    if isinstance(secs, bool) or not isinstance(secs, (int, float)):
        secs = operator.index(secs)  # the real TypeError for str, None, ...
    secs = float(secs)
    if math.isnan(secs):
        raise ValueError("Invalid value NaN (not a number)")
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    return secs


def _wall():
    return EPOCH + _now


# Machinery that times its own waits (polling pipes until a deadline, say) would
# spin forever on a clock that stands still, so these modules keep the real one.
# (threading, queue and subprocess took the real functions when they were imported.)
REAL_TIME_MODULES = (
    "concurrent.futures._base",
    "multiprocessing.connection",
    "multiprocessing.managers",
    "multiprocessing.pool",
    "multiprocessing.queues",
    "multiprocessing.synchronize",
    "subprocess",
)


def install(sleep):
    """Points the time module (and datetime.now) at the virtual clock.

    sleep(seconds) is the virtual sleep, which depends on the calling thread
    (see jobs.py); it is passed in to keep this module free of the loop.
    """
    real_time = types.SimpleNamespace(**vars(_time))
    for name in REAL_TIME_MODULES:
        module = importlib.import_module(name)
        if getattr(module, "time", None) is _time:
            module.time = real_time

    real_localtime, real_gmtime = _time.localtime, _time.gmtime
    real_strftime, real_asctime, real_ctime = _time.strftime, _time.asctime, _time.ctime

    def patched_sleep(secs):
        sleep(check_sleep_arg(secs))

    _time.sleep = patched_sleep
    _time.time = _wall
    _time.time_ns = lambda: _EPOCH_NS + round(_now * 1e9)
    for name in ("monotonic", "perf_counter"):
        setattr(_time, name, now)
        setattr(_time, name + "_ns", lambda: round(_now * 1e9))
    # Functions whose "now" default is read in C: give them the virtual now instead.
    _time.localtime = lambda secs=None: real_localtime(_wall() if secs is None else secs)
    _time.gmtime = lambda secs=None: real_gmtime(_wall() if secs is None else secs)
    _time.ctime = lambda secs=None: real_ctime(_wall() if secs is None else secs)
    _time.asctime = lambda t=None: real_asctime(_time.localtime() if t is None else t)
    _time.strftime = lambda fmt, t=None: real_strftime(fmt, _time.localtime() if t is None else t)
    _install_datetime()


def _install_datetime():
    # date.today() and datetime.today() already call time.time(); now() and utcnow()
    # read the system clock in C, so datetime.datetime becomes a subclass that does not.
    real = _datetime.datetime

    class datetime(real):  # noqa: N801 - it stands in for datetime.datetime
        @classmethod
        def now(cls, tz=None):
            return cls.fromtimestamp(_wall(), tz)

        @classmethod
        def utcnow(cls):
            return cls.utcfromtimestamp(_wall())

        def __repr__(self):
            return "datetime." + super().__repr__()  # C's repr names the type "datetime" here

    datetime.__module__ = "datetime"
    datetime.__qualname__ = "datetime"
    _datetime.datetime = datetime
