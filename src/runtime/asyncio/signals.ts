/**
 * Signals: Python's `signal` module, the part asyncio programs use (the signals, and
 * `raiseSignal`, which delivers one, as the simulated world's `sendSignal` does), and
 * `KeyboardInterrupt`. The reader's `import … from "signal"`. What each signal does at a given
 * moment, and the body of `loop.addSignalHandler`, are in `signal-dispositions.ts`.
 *
 * How CPython delivers a signal, and what is copied here step for step:
 * - a handler installed with `loop.add_signal_handler` only asks Python to write the signal's
 *   number to the loop's self-pipe; the loop reads the pipe in its next iteration (an I/O event,
 *   after the callbacks already ready) and only then schedules the handler, which therefore runs
 *   one iteration later still;
 * - a Python-level handler (`asyncio.run`'s Ctrl-C handler, `signal.default_int_handler`) runs at
 *   once, in whatever code was running when the signal arrived;
 * - a signal with no handler does its default action: SIGINT raises `KeyboardInterrupt`, the
 *   others end the process.
 */
import { PyException, ValueError } from "./errors.ts";
import { PY_REPR } from "./format.ts";
import {
  getPyHandler,
  handleSignal,
  ProcessTerminated,
  wakeupTarget,
} from "./signal-dispositions.ts";
import { state } from "./state.ts";

/**
 * A signal: its name and number (Linux's numbers). Python: `signal.Signals` (an `IntEnum`);
 * `String(sig)` is the number, as `str(signal.SIGTERM)` is in 3.11+.
 * @example
 * import * as signal from "signal";
 * print(signal.SIGTERM.name, signal.SIGTERM.value); // SIGTERM 15
 */
export class Signals {
  /** Python: `sig.name`, e.g. `"SIGTERM"`. */
  readonly name: string;
  /** Python: `sig.value` (or `int(sig)`), e.g. 15. */
  readonly value: number;
  constructor(name: string, value: number) {
    this.name = name;
    this.value = value;
  }
  toString(): string {
    return String(this.value);
  }
  valueOf(): number {
    return this.value;
  }
  [PY_REPR](): string {
    return `<Signals.${this.name}: ${this.value}>`;
  }
}

/** Hang-up: the terminal closed, or (by convention) "reload your configuration". */
export const SIGHUP = new Signals("SIGHUP", 1);
/** Interrupt: Ctrl-C in the terminal. */
export const SIGINT = new Signals("SIGINT", 2);
/** Quit: Ctrl-\ in the terminal. */
export const SIGQUIT = new Signals("SIGQUIT", 3);
/** Kill: cannot be caught. */
export const SIGKILL = new Signals("SIGKILL", 9);
/** User-defined signal 1. */
export const SIGUSR1 = new Signals("SIGUSR1", 10);
/** User-defined signal 2. */
export const SIGUSR2 = new Signals("SIGUSR2", 12);
/** Terminate: what `kill <pid>`, Docker, Kubernetes and systemd send to stop a program. */
export const SIGTERM = new Signals("SIGTERM", 15);
/** Stop: cannot be caught. */
export const SIGSTOP = new Signals("SIGSTOP", 19);

const ALL = [SIGHUP, SIGINT, SIGQUIT, SIGKILL, SIGUSR1, SIGUSR2, SIGTERM, SIGSTOP];
const BY_NUMBER = new Map(ALL.map((s) => [s.value, s]));
const BY_NAME = new Map(ALL.map((s) => [s.name, s]));
/** One more than the highest signal number. Python: `signal.NSIG` (Linux). */
export const NSIG = 65;

/**
 * The program was interrupted (Ctrl-C). Python's built-in `KeyboardInterrupt`, a
 * `BaseException`: `except Exception` does not catch it.
 * @example
 * try { await asyncio.run(main); } catch (e) { if (e instanceof KeyboardInterrupt) print("bye"); }
 */
export class KeyboardInterrupt extends PyException {
  constructor(...args: unknown[]) {
    super(...args);
    Object.defineProperty(this, "name", { value: "KeyboardInterrupt", configurable: true });
  }
}

/**
 * The signal named `name` or numbered `n`; throws ValueError for any other.
 * Python: `signal.Signals[name]` / `signal.Signals(n)`.
 * @example
 * print(signal.toSignal("SIGTERM").value); // 15
 */
export function toSignal(sig: Signals | number | string): Signals {
  if (sig instanceof Signals) return sig;
  const found = typeof sig === "string" ? BY_NAME.get(sig) : BY_NUMBER.get(sig);
  if (!found) throw new ValueError(`unknown signal: ${typeof sig === "string" ? `'${sig}'` : sig}`);
  return found;
}

/**
 * Deliver `sig` to this process now. Python: `signal.raise_signal(sig)`. The simulated world's
 * `sendSignal` calls it from a timer; a program may call it too.
 * @example
 * asyncio.getRunningLoop().callLater(2, () => signal.raiseSignal(signal.SIGTERM));
 */
export function raiseSignal(sig: Signals | number): void {
  const s = toSignal(sig);
  const handler = getPyHandler(s);
  if (handler === "loop") {
    const loop = wakeupTarget();
    // The byte in the self-pipe is read at the start of the loop's next iteration, before the
    // timers due then; a timer due now is the nearest the loop offers without an I/O phase (it
    // differs only from a timer set for now earlier in this same iteration, which would run first).
    if (loop && !loop.isClosed()) loop.callAt(loop.time(), () => handleSignal(loop, s.value));
    return;
  }
  if (handler) {
    handler(s);
    return;
  }
  if (s === SIGINT) throw new KeyboardInterrupt();
  // The default action of the others ends the process then and there: no cleanup, no output.
  state.loop?._fail(new ProcessTerminated(s));
}
