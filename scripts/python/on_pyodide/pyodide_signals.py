"""`loop.add_signal_handler` on Pyodide, where the loop has no self-pipe to be woken through.

In CPython the C-level signal handler writes the signal's number to the loop's wake-up fd
(the self-pipe); the loop's next poll finds the pipe readable and queues `_read_from_self`,
which calls `_process_self_data` (so `_handle_signal`, which queues the program's callback).
Pyodide delivers a signal (`signal.raise_signal`, which `simulated.send_signal` calls from a
timer) to its Python-level handler only, and has no pipe: here that handler keeps the number
where the pipe would, and the next poll queues the same `_process_self_data` instead of the
pipe's reader, at the same place in the loop's step. The callback then runs in the same
iteration, at the same virtual time, as in CPython.
"""

import asyncio
import signal


def install(loop_module):
    cls = loop_module.VirtualEventLoop
    real_add = cls.add_signal_handler
    real_select = loop_module.VirtualSelector.select

    def add_signal_handler(self, sig, callback, *args):
        real_add(self, sig, callback, *args)  # checks, and keeps the handle, as CPython does
        if not hasattr(self, "_pyodide_signals"):
            self._pyodide_signals = bytearray()
        written = self._pyodide_signals

        def to_pipe(signum, frame):  # what CPython's C handler does with the wake-up fd
            written.append(signum)

        signal.signal(sig, to_pipe)

    def select(self, timeout=None):
        written = getattr(self.loop, "_pyodide_signals", None)
        if written:
            data = bytes(written)
            written.clear()
            # The pipe is readable: its reader is queued and the poll does not wait.
            self.loop._ready.append(asyncio.Handle(self.loop._process_self_data, (data,), self.loop))
            timeout = 0
        return real_select(self, timeout)

    cls.add_signal_handler = add_signal_handler
    loop_module.VirtualSelector.select = select
