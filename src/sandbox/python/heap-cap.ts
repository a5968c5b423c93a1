/**
 * A cap on the WebAssembly memory of the Python worker. Pyodide may grow its heap to 4 GB (its
 * `getHeapMax`); a program that fills memory (`l.append("x" * 10**6)` in a loop) would take
 * every byte of it, in a renderer process that also holds the spare worker's heap, until
 * Chromium ends the whole sandbox process. Capped, the heap stops growing here: Emscripten's
 * `growMemory` catches the refusal, `malloc` returns NULL and Python raises its own
 * `MemoryError`, which ends the run as the traceback it is, in well under a second.
 */

/**
 * What a Run Python's heap may grow to: Pyodide starts in about 30 MB, the examples use a few
 * more. Filling it takes the bomb a few seconds of silence on a loaded machine, which the
 * frame's watchdog (8 s without a sign of life) must not be the one to end: small, then.
 */
export const PYTHON_HEAP_BYTES = 256 * 1024 * 1024;

const PAGE_BYTES = 65_536;

/**
 * Refuses, from now on in this thread, every growth of a WebAssembly memory past `maxBytes`
 * (Python: as if `resource.setrlimit(RLIMIT_AS, …)` held for the interpreter's heap).
 * @example
 * capWasmHeap(PYTHON_HEAP_BYTES); // before loadPyodide
 * new WebAssembly.Memory({ initial: 1 }).grow(PYTHON_HEAP_BYTES / 65_536); // throws RangeError
 */
export function capWasmHeap(maxBytes: number): void {
  const grow = WebAssembly.Memory.prototype.grow;
  WebAssembly.Memory.prototype.grow = function cappedGrow(
    this: WebAssembly.Memory,
    delta: number,
  ): number {
    if (this.buffer.byteLength + delta * PAGE_BYTES > maxBytes)
      throw new RangeError(`WebAssembly heap capped at ${maxBytes} bytes`);
    return grow.call(this, delta);
  };
}
