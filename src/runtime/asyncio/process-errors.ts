/**
 * The errors of child processes, with CPython's names and messages: `FileNotFoundError` (no such
 * program) and `ProcessLookupError` (signalling a process already reaped), both `OSError`s.
 */
import { OSError } from "./stream-errors.ts";

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
 * No program by that name. Python: `FileNotFoundError` (`e.errno` 2, `e.filename`).
 * @example
 * try { await asyncio.createSubprocessExec("nope"); }
 * catch (e) { print(e); } // [Errno 2] No such file or directory: 'nope'
 */
export class FileNotFoundError extends OSError {
  /** Python: `e.filename`. */
  readonly filename: string | null;
  constructor(errno?: number, strerror?: string, filename?: string) {
    super(...(errno === undefined ? [] : [errno, strerror]));
    this.filename = filename ?? null;
    if (filename !== undefined) this.message = `${this.message}: '${filename}'`;
    named(this, "FileNotFoundError");
  }
}

/**
 * The process is gone: it exited and was reaped. Python: `ProcessLookupError` (empty message).
 * @example
 * await proc.wait();
 * try { proc.kill(); } catch (e) { if (e instanceof asyncio.ProcessLookupError) print("already gone"); }
 */
export class ProcessLookupError extends OSError {
  constructor(...args: unknown[]) {
    super(...args);
    named(this, "ProcessLookupError");
  }
}
