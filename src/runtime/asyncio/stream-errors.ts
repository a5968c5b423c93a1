/**
 * The errors of streams and sockets, with CPython's names and messages: `OSError` and its
 * connection errors (built-ins), `asyncio.IncompleteReadError`, `asyncio.LimitOverrunError`.
 */
import type { Bytes } from "./bytes.ts";
import { PyException } from "./errors.ts";

function named<T extends Error>(e: T, name: string): T {
  Object.defineProperty(e, "name", {
    value: name,
    enumerable: false,
    configurable: true,
    writable: true,
  });
  return e;
}

/**
 * Python's built-in `OSError`. Made with `(errno, strerror)` it prints `[Errno 98] …`, as
 * Python's does.
 * @example
 * try { await asyncio.startServer(handle, "127.0.0.1", 8888); }
 * catch (e) { if (e instanceof asyncio.OSError) print(e.errno); } // 98
 */
export class OSError extends PyException {
  /** Python: `e.errno`. */
  readonly errno: number | null;
  /** Python: `e.strerror`. */
  readonly strerror: string | null;
  constructor(...args: unknown[]) {
    super(...args);
    const two = args.length === 2 && typeof args[0] === "number";
    this.errno = two ? (args[0] as number) : null;
    this.strerror = two ? String(args[1]) : null;
    if (two) this.message = `[Errno ${args[0]}] ${args[1]}`;
    named(this, "OSError");
  }
}

/**
 * Python's built-in `ConnectionError`, the base of the three below.
 * @example
 * try { await reader.readline(); } catch (e) { if (e instanceof asyncio.ConnectionError) print("gone"); }
 */
export class ConnectionError extends OSError {
  constructor(...args: unknown[]) {
    super(...args);
    named(this, "ConnectionError");
  }
}

/**
 * Nobody listens at that address. Python: `ConnectionRefusedError`.
 * @example
 * try { await asyncio.openConnection("127.0.0.1", 9); }
 * catch (e) { print(e); } // [Errno 111] Connect call failed ('127.0.0.1', 9)
 */
export class ConnectionRefusedError extends ConnectionError {
  constructor(...args: unknown[]) {
    super(...args);
    named(this, "ConnectionRefusedError");
  }
}

/**
 * The peer reset the connection, or it was lost. Python: `ConnectionResetError`.
 * @example
 * try { await writer.drain(); } catch (e) { if (e instanceof asyncio.ConnectionResetError) print("lost"); }
 */
export class ConnectionResetError extends ConnectionError {
  constructor(...args: unknown[]) {
    super(...args);
    named(this, "ConnectionResetError");
  }
}

/**
 * Writing to a connection whose peer has closed it. Python: `BrokenPipeError`.
 * @example
 * try { await writer.waitClosed(); } catch (e) { if (e instanceof asyncio.BrokenPipeError) print(e); }
 */
export class BrokenPipeError extends ConnectionError {
  constructor(...args: unknown[]) {
    super(...args);
    named(this, "BrokenPipeError");
  }
}

/**
 * The stream ended before the bytes asked for arrived. Python: `asyncio.IncompleteReadError`
 * (`e.partial`: what was read; `e.expected`: how many were asked for, or null).
 * @example
 * try { await reader.readexactly(4); }
 * catch (e) { if (e instanceof asyncio.IncompleteReadError) print(e.partial); }
 */
export class IncompleteReadError extends PyException {
  readonly partial: Bytes;
  readonly expected: number | null;
  constructor(partial: Bytes, expected: number | null) {
    const shown = expected === null ? "undefined" : String(expected);
    super(`${partial.length} bytes read on a total of ${shown} expected bytes`);
    this.partial = partial;
    this.expected = expected;
    named(this, "IncompleteReadError");
  }
}

/**
 * A separator was not found within the reader's limit. Python: `asyncio.LimitOverrunError`
 * (`e.consumed`: bytes to consume).
 * @example
 * try { await reader.readuntil("\r\n"); }
 * catch (e) { if (e instanceof asyncio.LimitOverrunError) print(e.consumed); }
 */
export class LimitOverrunError extends PyException {
  readonly consumed: number;
  constructor(message: string, consumed: number) {
    super(message);
    this.consumed = consumed;
    named(this, "LimitOverrunError");
  }
}
