/**
 * asyncio's exception classes. `error.name` is the Python type name, which is what transcripts
 * print (`EXC TimeoutError`, `LOOP-ERROR ValueError: boom`).
 *
 * Python has two roots, `BaseException` and `Exception`; `CancelledError` derives from
 * `BaseException`, so `except Exception:` does not catch it. JavaScript has one root, and a
 * bare `catch (e)` catches everything, cancellation included: when you catch broadly in a task,
 * rethrow `CancelledError` (`if (e instanceof asyncio.CancelledError) throw e;`), as Python does
 * for you.
 */
import { pyRepr, pyStr } from "./format.ts";

function named<T extends Error>(e: T, name: string): T {
  Object.defineProperty(e, "name", {
    value: name,
    enumerable: false,
    configurable: true,
    writable: true,
  });
  return e;
}

/** Python's `str(e)` from `e.args`: nothing, the one argument, or the tuple's repr. */
function strOfArgs(args: readonly unknown[], quoteOne: boolean): string {
  if (args.length === 0) return "";
  if (args.length === 1) return quoteOne ? pyRepr(args[0]) : pyStr(args[0]);
  return `(${args.map(pyRepr).join(", ")})`;
}

/**
 * The root of the runtime's Python exception classes: like Python's `BaseException`, it keeps
 * the constructor's arguments as `args`, so `CancelledError()` and `CancelledError("")` print
 * differently (`repr` shows `args`), and `message` is Python's `str(e)`: the one argument as
 * `str()` gives it, or the `args` tuple when there are several.
 * @example
 * const e = new asyncio.ValueError("bad", 42);
 * print(e.args);  // ['bad', 42]
 * print(e);       // ('bad', 42)
 */
export class PyException extends Error {
  /** Python: `e.args`, the arguments the exception was made with. */
  readonly args: readonly unknown[];
  constructor(...args: unknown[]) {
    super(strOfArgs(args, false));
    this.args = args;
  }
}

/**
 * The task (or future) was cancelled. Python: `asyncio.CancelledError` (a `BaseException`).
 * Thrown inside a task at the `await` where it is suspended; the message is the one given to
 * `cancel(msg)`, or "".
 * @example
 * try { await asyncio.sleep(10); } catch (e) {
 *   if (e instanceof asyncio.CancelledError) { print("cleanup"); throw e; }
 * }
 */
export class CancelledError extends PyException {
  constructor(...args: unknown[]) {
    super(...args);
    named(this, "CancelledError");
  }
}

/**
 * A deadline passed. Python: `TimeoutError` (since 3.11, `asyncio.TimeoutError` is the built-in).
 * Raised by `waitFor` and by `timeout()` scopes, with the CancelledError the deadline caused as
 * its `cause` (Python's `raise TimeoutError from exc`).
 * @example
 * try { await asyncio.waitFor(() => asyncio.sleep(2), 1); }
 * catch (e) { if (e instanceof asyncio.TimeoutError) print("timed out"); }
 */
export class TimeoutError extends PyException {
  constructor(...args: unknown[]) {
    super(...args);
    named(this, "TimeoutError");
  }
}

/**
 * An operation is not allowed in the object's current state. Python: `asyncio.InvalidStateError`.
 * @example
 * const f = asyncio.getRunningLoop().createFuture();
 * try { f.result(); } catch (e) { print(e); } // Result is not set.
 */
export class InvalidStateError extends PyException {
  constructor(...args: unknown[]) {
    super(...args);
    named(this, "InvalidStateError");
  }
}

/**
 * Python's built-in `RuntimeError`.
 * @example
 * asyncio.run(async () => { asyncio.run(main); }); // RuntimeError: asyncio.run() cannot be called from a running event loop
 */
export class RuntimeError extends PyException {
  constructor(...args: unknown[]) {
    super(...args);
    named(this, "RuntimeError");
  }
}

/**
 * Python's built-in `ValueError`, for examples that raise it.
 * @example
 * throw new asyncio.ValueError("bad input");
 */
export class ValueError extends PyException {
  constructor(...args: unknown[]) {
    super(...args);
    named(this, "ValueError");
  }
}

/**
 * Python's built-in `LookupError`, the base of `KeyError`; `ContextVar.get()` throws it for a
 * variable with no value and no default.
 * @example
 * try { requestId.get(); } catch (e) { if (e instanceof asyncio.LookupError) print("no request id"); }
 */
export class LookupError extends PyException {
  constructor(...args: unknown[]) {
    super(...args);
    named(this, "LookupError");
  }
}

/**
 * Python's built-in `KeyError` (a `LookupError`).
 * @example
 * throw new asyncio.KeyError("missing");
 */
export class KeyError extends LookupError {
  constructor(...args: unknown[]) {
    super(...args);
    // Python's KeyError.__str__ quotes a lone key: str(KeyError('k')) is "'k'".
    this.message = strOfArgs(args, true);
    named(this, "KeyError");
  }
}

/**
 * Python's `ExceptionGroup` (3.11), raised by `TaskGroup` when children fail. `message` is what
 * Python's `str()` gives: `unhandled errors in a TaskGroup (1 sub-exception)`; the bare message
 * is `groupMessage`, the children are `exceptions`.
 * @example
 * try { await asyncio.TaskGroup.run(async (tg) => { tg.createTask(() => fails()); }); }
 * catch (e) { if (e instanceof asyncio.ExceptionGroup) for (const x of e.exceptions) print(x); }
 */
export class ExceptionGroup extends Error {
  readonly exceptions: readonly unknown[];
  readonly groupMessage: string;
  constructor(message: string, exceptions: readonly unknown[]) {
    const n = exceptions.length;
    super(`${message} (${n} sub-exception${n === 1 ? "" : "s"})`);
    named(this, "ExceptionGroup");
    this.groupMessage = message;
    this.exceptions = exceptions;
  }
}

/** Python's `BaseExceptionGroup`: an `ExceptionGroup` that holds a `BaseException` (a `CancelledError`). */
export class BaseExceptionGroup extends ExceptionGroup {
  constructor(message: string, exceptions: readonly unknown[]) {
    super(message, exceptions);
    named(this, "BaseExceptionGroup");
  }
}

/**
 * A `Barrier` was reset or aborted while tasks waited. Python: `asyncio.BrokenBarrierError`.
 * @example
 * try { await barrier.wait(); } catch (e) { if (e instanceof asyncio.BrokenBarrierError) print("broken"); }
 */
export class BrokenBarrierError extends RuntimeError {
  constructor(...args: unknown[]) {
    super(...args);
    named(this, "BrokenBarrierError");
  }
}

/**
 * `putNowait` on a full queue. Python: `asyncio.QueueFull`.
 * @example
 * try { q.putNowait(1); } catch (e) { if (e instanceof asyncio.QueueFull) print("full"); }
 */
export class QueueFull extends PyException {
  constructor(...args: unknown[]) {
    super(...args);
    named(this, "QueueFull");
  }
}

/**
 * `getNowait` on an empty queue. Python: `asyncio.QueueEmpty`.
 * @example
 * try { q.getNowait(); } catch (e) { if (e instanceof asyncio.QueueEmpty) print("empty"); }
 */
export class QueueEmpty extends PyException {
  constructor(...args: unknown[]) {
    super(...args);
    named(this, "QueueEmpty");
  }
}

/**
 * The queue was shut down (Python 3.13): `put` raises it, and `get` once the queue is empty (at
 * once after `shutdown(true)`). Python: `asyncio.QueueShutDown`.
 * @example
 * try { await q.get(); } catch (e) { if (e instanceof asyncio.QueueShutDown) return; throw e; }
 */
export class QueueShutDown extends PyException {
  constructor(...args: unknown[]) {
    super(...args);
    named(this, "QueueShutDown");
  }
}

/**
 * An attribute the object does not have, as in the version of Python followed: Python's
 * `AttributeError`, e.g. `Queue.shutdown` before 3.13.
 */
export class AttributeError extends PyException {
  constructor(...args: unknown[]) {
    super(...args);
    named(this, "AttributeError");
  }
}

/** Python's type name for any thrown value (a subclass without its own `name` uses its class name). */
export function pyTypeName(e: unknown): string {
  if (e instanceof Error) {
    const ctor = (e as { constructor?: { name?: string } }).constructor;
    if (e.name === "Error" && ctor && ctor !== Error && ctor.name) return ctor.name;
    return e.name === "Error" ? "Exception" : e.name;
  }
  if (typeof e === "object" && e !== null) {
    const ctor = (e as { constructor?: { name?: string } }).constructor;
    return ctor?.name || "object";
  }
  return typeof e === "string" ? "str" : typeof e;
}

/** Python's `str(e)` for a thrown value. */
export function pyErrorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e === undefined || e === null) return "";
  return String(e);
}

/** `Type: message`, or `Type` alone when the message is empty (the trace's error format). */
export function formatError(e: unknown): string {
  try {
    const msg = pyErrorMessage(e);
    return msg === "" ? pyTypeName(e) : `${pyTypeName(e)}: ${msg}`;
  } catch {
    // A `toString` or getter that throws must not stop the run from ending; CPython's words.
    return "<exception str() failed>";
  }
}

/** The trace's `exception` lines: the error, then each sub-exception indented two spaces a level. */
export function formatErrorLines(e: unknown, depth = 0): string[] {
  const lines = [`${"  ".repeat(depth)}${formatError(e)}`];
  if (e instanceof ExceptionGroup) {
    for (const sub of e.exceptions) lines.push(...formatErrorLines(sub, depth + 1));
  }
  return lines;
}
