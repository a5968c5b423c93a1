/**
 * The process's signal dispositions, as the runtime keeps them: which signals have a handler from
 * `loop.addSignalHandler` (and the loop whose self-pipe they wake), and Python-level handlers
 * (`asyncio.run`'s Ctrl-C handler). The public side is `signals.ts`.
 */
import { type Context, copyContext } from "./contextvars.ts";
import { RuntimeError, ValueError } from "./errors.ts";
import { Handle } from "./handle.ts";
import type { LoopInternals } from "./loop-internals.ts";
import { NSIG, SIGKILL, SIGSTOP, Signals, toSignal } from "./signals.ts";

/**
 * Not a Python exception: how the runtime ends a run when a signal's default action ends the
 * process (SIGTERM with no handler). The runner runs no shutdown for it and prints nothing.
 */
export class ProcessTerminated extends Error {
  readonly signal: Signals;
  constructor(sig: Signals) {
    super(`terminated by ${sig.name}`);
    this.name = "ProcessTerminated";
    this.signal = sig;
  }
}

/** A Python-level handler (`signal.signal(sig, fn)`): runs at once, where the signal lands. */
export type PyHandler = (sig: Signals) => void;

/** Handlers installed with `loop.addSignalHandler`, per loop: what the loop's self-pipe leads to. */
const loopHandlers = new WeakMap<LoopInternals, Map<number, Handle>>();
/** The loop whose self-pipe the signals write to (`signal.set_wakeup_fd`), if any. */
let wakeupLoop: LoopInternals | null = null;

/** The loop whose self-pipe a signal with a loop handler wakes. */
export function wakeupTarget(): LoopInternals | null {
  return wakeupLoop;
}
/** Signal number → its Python-level handler; absent: the default action. */
const pyHandlers = new Map<number, PyHandler | "loop">();

/** CPython's `_handle_signal`: the self-pipe said `sig` arrived; schedule its handler. */
export function handleSignal(loop: LoopInternals, sig: number): void {
  const handle = loopHandlers.get(loop)?.get(sig);
  if (!handle) return;
  if (handle._cancelled) removeSignalHandler(loop, sig);
  else loop._pushReady(handle);
}

function checkSignal(sig: unknown): Signals {
  if (typeof sig !== "number" && !(sig instanceof Signals))
    throw new TypeError(`sig must be an int, not ${typeof sig === "string" ? `'${sig}'` : sig}`);
  const n = Number(sig);
  if (n >= 1 && n < NSIG) {
    try {
      return toSignal(n);
    } catch {
      // a valid number this simulation has no name for: refused below, as an invalid one
    }
  }
  throw new ValueError(`invalid signal number ${n}`);
}

function isAsyncFunction(fn: unknown): boolean {
  return typeof fn === "function" && fn.constructor?.name === "AsyncFunction";
}

/**
 * `loop.addSignalHandler(sig, callback, ...args)` (see `EventLoop`): the body, shared by the loop.
 * @internal
 */
export function addSignalHandler(
  loop: LoopInternals,
  sig: Signals | number,
  callback: (...args: never[]) => unknown,
  args: unknown[],
): void {
  if (isAsyncFunction(callback))
    throw new TypeError("coroutines cannot be used with add_signal_handler()");
  const s = checkSignal(sig);
  if (loop.isClosed()) throw new RuntimeError("Event loop is closed");
  if (s === SIGKILL || s === SIGSTOP) throw new RuntimeError(`sig ${s.value} cannot be caught`);
  wakeupLoop = loop;
  const context: Context = copyContext();
  const handle = new Handle(() => (callback as (...a: unknown[]) => unknown)(...args), null);
  handle._context = context;
  const handlers = loopHandlers.get(loop) ?? new Map<number, Handle>();
  loopHandlers.set(loop, handlers);
  handlers.set(s.value, handle);
  pyHandlers.set(s.value, "loop");
}

/**
 * `loop.removeSignalHandler(sig)` (see `EventLoop`): true if a handler was removed. SIGINT gets
 * Python's default handler back (KeyboardInterrupt), any other signal its default action.
 * @internal
 */
export function removeSignalHandler(loop: LoopInternals, sig: Signals | number): boolean {
  const s = checkSignal(sig);
  const handlers = loopHandlers.get(loop);
  if (!handlers?.delete(s.value)) return false;
  pyHandlers.delete(s.value);
  if (handlers.size === 0 && wakeupLoop === loop) wakeupLoop = null;
  return true;
}

/** A closing loop takes its handlers away (CPython's `_UnixSelectorEventLoop.close`). */
export function removeAllSignalHandlers(loop: LoopInternals): void {
  for (const sig of [...(loopHandlers.get(loop)?.keys() ?? [])]) removeSignalHandler(loop, sig);
}

/** Python: `signal.getsignal(sig)` for the runner: the Python-level handler, or null (default). */
export function getPyHandler(sig: Signals): PyHandler | "loop" | null {
  return pyHandlers.get(sig.value) ?? null;
}

/** Python: `signal.signal(sig, handler)` for the runner; `null` restores the default. */
export function setPyHandler(sig: Signals, handler: PyHandler | null): void {
  if (handler) pyHandlers.set(sig.value, handler);
  else pyHandlers.delete(sig.value);
}

/** Every disposition back to its default (a new program). */
export function resetSignals(): void {
  pyHandlers.clear();
  wakeupLoop = null;
}
